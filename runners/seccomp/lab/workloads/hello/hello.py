import asyncio,subprocess,ctypes; asyncio.run(asyncio.sleep(0)); print("python: hello", subprocess.run(["true"]).returncode)
