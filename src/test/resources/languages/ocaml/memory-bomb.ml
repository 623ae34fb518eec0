let () =
  let blocks = ref [] in
  while true do
    blocks := Bytes.make (8 lsl 20) (Char.chr (List.length !blocks land 255)) :: !blocks;
    Printf.printf "%d MB\n%!" (List.length !blocks * 8)
  done
