program Hello;
begin
  WriteLn('Hello, World!');
  WriteLn({$I %FPCVERSION%});
end.
