{ Files of 8 MB (under the 16 MB file size limit) until the disk is full. }
program Fill;
{$I-}
var
  Chunk: array[0..1024 * 1024 - 1] of Byte;
  F: File;
  I, J, Written, Code: Integer;
  Name: String;
begin
  FillByte(Chunk, SizeOf(Chunk), Ord('x'));
  Written := 0;
  for I := 0 to 999 do
  begin
    Str(I, Name);
    Assign(F, '/tmp/fill' + Name);
    Rewrite(F, 1);
    Code := IOResult;
    if Code <> 0 then begin WriteLn('after ', Written, ' MB: I/O error ', Code); Halt(1); end;
    for J := 1 to 8 do
    begin
      BlockWrite(F, Chunk, SizeOf(Chunk));
      Code := IOResult;
      if Code <> 0 then begin WriteLn('after ', Written, ' MB: I/O error ', Code); Halt(1); end;
      Inc(Written);
    end;
    Close(F);
  end;
end.
