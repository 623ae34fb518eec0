program Oops;
var
  Divisor: Integer;
begin
  Divisor := ParamCount;
  WriteLn(10 div Divisor);
end.
