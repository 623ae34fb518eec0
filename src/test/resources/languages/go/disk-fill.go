package main

import (
	"fmt"
	"os"
)

// Files of 8 MB (under the 16 MB file size limit) until the disk is full.
func main() {
	chunk := make([]byte, 1<<20)
	written := 0
	for i := 0; i < 1000; i++ {
		f, err := os.Create(fmt.Sprintf("/tmp/fill%d", i))
		if err != nil {
			fmt.Println("after", written, "MB:", err)
			return
		}
		for j := 0; j < 8; j++ {
			if _, err := f.Write(chunk); err != nil {
				fmt.Println("after", written, "MB:", err)
				return
			}
			written++
		}
		f.Close()
	}
}
