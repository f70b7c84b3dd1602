# Runs run.mjs in a pseudo-terminal so drizzle-kit's rename prompts can be answered:
# <scenario>/answers.txt holds one line per prompt, "create" or "rename N" (N = 1-based
# position of the rename option). Usage: python3 drive.py <scenario dir>
import os, pty, sys, time, select
scenario = sys.argv[1]
answers = []
p = os.path.join(scenario, 'answers.txt')
if os.path.exists(p):
    answers = [l.strip() for l in open(p) if l.strip()]
pid, fd = pty.fork()
if pid == 0:
    os.execvp('node', ['node', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'run.mjs'), scenario])
buf = b''
log = b''
def read(timeout):
    global buf, log
    r, _, _ = select.select([fd], [], [], timeout)
    if not r: return False
    try:
        data = os.read(fd, 65536)
    except OSError:
        return None
    if not data: return None
    buf += data; log += data
    return True
while True:
    res = read(0.5)
    if res is None: break
    if b'create' in buf and (b'rename' in buf) and answers:
        time.sleep(0.3)
        read(0.2)
        a = answers.pop(0)
        keys = b''
        if a.startswith('rename'):
            n = int(a.split()[1]) if len(a.split()) > 1 else 1
            keys = b'\x1b[B' * n
        os.write(fd, keys + b'\r')
        buf = b''
os.waitpid(pid, 0)
open(os.path.join(scenario, 'kit.log'), 'wb').write(log)
