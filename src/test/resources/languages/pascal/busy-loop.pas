program Busy;
var
  I: QWord;
begin
  I := 0;
  while True do
  begin
    Inc(I);
    if I = 0 then WriteLn(I);
  end;
end.
