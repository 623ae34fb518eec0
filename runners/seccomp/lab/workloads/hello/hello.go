package main
import ("fmt";"os")
func main(){b,_:=os.ReadFile("/etc/hostname");fmt.Println("go: hello",len(b))}
