program Exit3;
begin
  WriteLn('bye');
  Halt(3);
end.
