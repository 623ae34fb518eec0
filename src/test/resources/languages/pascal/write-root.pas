program Root;
{$I-}
var
  F: Text;
  Code: Integer;
begin
  Assign(F, '/etc/x');
  Rewrite(F);
  Code := IOResult;
  if Code <> 0 then WriteLn('/etc/x: I/O error ', Code) else WriteLn('written');
end.
