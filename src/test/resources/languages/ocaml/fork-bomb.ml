let () =
  let children = ref 0 in
  while true do
    match Unix.fork () with
    | 0 -> while true do () done
    | _ -> incr children
    | exception Unix.Unix_error (e, _, _) ->
        Printf.printf "fork failed after %d children: %s\n%!" !children (Unix.error_message e);
        while true do () done
  done
