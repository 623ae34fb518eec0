(* Files of 8 MB (under the 16 MB file size limit) until the disk is full. *)
let () =
  let chunk = Bytes.make (1 lsl 20) 'x' in
  let written = ref 0 in
  try
    for i = 0 to 999 do
      let oc = open_out_bin (Printf.sprintf "/tmp/fill%d" i) in
      for _ = 1 to 8 do
        output_bytes oc chunk;
        flush oc;
        incr written
      done;
      close_out oc
    done
  with Sys_error msg -> Printf.printf "after %d MB: %s\n" !written msg
