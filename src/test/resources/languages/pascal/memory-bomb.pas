program Bomb;
var
  Blocks: array of PByte;
  N: Integer;
begin
  N := 0;
  while True do
  begin
    Inc(N);
    SetLength(Blocks, N);
    GetMem(Blocks[N - 1], 8 * 1024 * 1024);
    FillByte(Blocks[N - 1]^, 8 * 1024 * 1024, 1);
    WriteLn(N * 8, ' MB');
  end;
end.
