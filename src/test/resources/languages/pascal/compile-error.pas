program Broken;
begin
  WriteLn(UndefinedVariable);
end.
