program Flood;
begin
  while True do WriteLn('flood flood flood flood flood flood flood flood flood flood');
end.
