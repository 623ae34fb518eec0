program Echo;
uses BaseUnix;
var
  Buffer: array[0..65535] of Byte;
  Count: TSsize;
  I: Integer;
begin
  { Raw bytes from file descriptor 0 to 1. }
  repeat
    Count := fpRead(0, Buffer, SizeOf(Buffer));
    if Count > 0 then fpWrite(1, Buffer, Count);
  until Count <= 0;
  for I := 1 to ParamCount do WriteLn(ParamStr(I));
end.
