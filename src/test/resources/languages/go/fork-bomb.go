package main

import (
	"fmt"
	"os"
	"os/exec"
)

// Go cannot fork without exec: it starts copies of itself until the pids limit refuses one.
func main() {
	self, _ := os.Executable()
	for n := 0; ; n++ {
		cmd := exec.Command(self)
		if err := cmd.Start(); err != nil {
			fmt.Println("start failed after", n, "children:", err)
			select {}
		}
	}
}
