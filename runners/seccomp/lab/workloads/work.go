// Go workload for the seccomp profile check: goroutines, GC, loopback TCP, os/exec, timers,
// interface list. Prints "go: ok ...".
package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			b := make([][]byte, 0)
			for j := 0; j < 2000; j++ {
				b = append(b, make([]byte, 1024))
			}
			mu.Lock()
			total += len(b)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	runtime.GC()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("go: FAIL listen", err)
		os.Exit(1)
	}
	go func() { c, _ := ln.Accept(); c.Write([]byte("pong")); c.Close() }()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("go: FAIL dial", err)
		os.Exit(1)
	}
	buf := make([]byte, 4)
	c.Read(buf)
	ifs, err := net.Interfaces()
	if err != nil {
		fmt.Println("go: FAIL interfaces", err)
		os.Exit(1)
	}
	err = exec.Command("true").Run()
	t := time.NewTimer(10 * time.Millisecond)
	<-t.C
	f, _ := os.CreateTemp("", "w")
	f.WriteString("x")
	f.Close()
	os.Remove(f.Name())
	fmt.Printf("go: ok %s total=%d tcp=%s ifs=%d child=%v\n", runtime.Version(), total, buf, len(ifs), err)
}
