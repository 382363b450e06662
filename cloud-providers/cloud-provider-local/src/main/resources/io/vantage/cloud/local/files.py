# File transfer helper of the local provider, run as the instance's user (setpriv) by LocalFiles.
# argv: list|read|write ROOT [NAME...] (write: then LENGTH REPLACE). ROOT is trusted (the home or a data folder the
# portal resolved); below it no link is followed: every step is openat() with O_NOFOLLOW, so a link the user plants,
# or swaps in while this runs, is refused instead of leading out. The first line of output is READY, OK ... or
# ERR <reason> <message>; file bytes follow OK for read.
import errno, os, secrets, stat, sys

out = sys.stdout.buffer


def say(line):
    out.write((line + '\n').encode('utf-8', 'surrogateescape'))
    out.flush()


def fail(reason, message):
    say('ERR %s %s' % (reason, message))
    sys.exit(1)


def refuse(fd, name, error):
    try:
        st = os.stat(name, dir_fd=fd, follow_symlinks=False)
    except FileNotFoundError:
        fail('NOT_FOUND', '%s does not exist' % name)
    except OSError:
        st = None
    if st is not None and stat.S_ISLNK(st.st_mode):
        fail('REFUSED', '%s is a link: links are not followed' % name)
    if isinstance(error, PermissionError):
        fail('PERMISSION', 'the instance may not open %s' % name)
    if st is not None and not stat.S_ISDIR(st.st_mode) and error.errno == errno.ENOTDIR:
        fail('NOT_FOUND', '%s is not a folder' % name)
    fail('FAILED', '%s: %s' % (name, error.strerror))


def walk(root, names):
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        fail('NOT_FOUND', 'the folder does not exist')
    except PermissionError:
        fail('PERMISSION', 'the instance may not open this folder')
    for name in names:
        try:
            nfd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
        except OSError as e:
            refuse(fd, name, e)
        os.close(fd)
        fd = nfd
    return fd


def listing(fd):
    entries = []
    for name in os.listdir(fd):
        try:
            st = os.stat(name, dir_fd=fd, follow_symlinks=False)
        except OSError:
            continue
        kind = 'dir' if stat.S_ISDIR(st.st_mode) else 'file' if stat.S_ISREG(st.st_mode) else \
            'link' if stat.S_ISLNK(st.st_mode) else 'other'
        writable = os.access(name, os.W_OK, dir_fd=fd, follow_symlinks=False)
        raw = name.encode('utf-8', 'surrogateescape') if isinstance(name, str) else name
        entries.append('%s,%d,%d,%d,%s' % (kind, st.st_size, int(st.st_mtime), writable, raw.hex()))
    say('OK ' + ' '.join(entries))


def read(fd, name):
    try:
        ffd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=fd)
    except OSError as e:
        refuse(fd, name, e)
    st = os.fstat(ffd)
    if not stat.S_ISREG(st.st_mode):
        fail('REFUSED', '%s is not a file' % name)
    say('OK %d' % st.st_size)
    # exactly the size announced: a file that grows meanwhile must not overrun the download's Content-Length
    left = st.st_size
    while left > 0:
        block = os.read(ffd, min(left, 1 << 20))
        if not block:
            break
        out.write(block)
        left -= len(block)
    out.flush()


def write(fd, name, length, replace):
    try:
        st = os.stat(name, dir_fd=fd, follow_symlinks=False)
        if stat.S_ISDIR(st.st_mode):
            fail('REFUSED', '%s is a folder' % name)
        if not replace:
            fail('EXISTS', 'a file named %s exists' % name)
    except FileNotFoundError:
        pass
    temp = '.vantage-upload-' + secrets.token_hex(8)
    try:
        wfd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o664, dir_fd=fd)
    except PermissionError:
        fail('PERMISSION', 'the instance may not write here (read-only data?)')
    except OSError as e:
        fail('FAILED', e.strerror)
    try:
        say('READY')
        left = length
        while left > 0:
            block = sys.stdin.buffer.read(min(left, 1 << 20))
            if not block:
                raise EOFError()
            os.write(wfd, block)
            left -= len(block)
        os.close(wfd)
        os.rename(temp, name, src_dir_fd=fd, dst_dir_fd=fd)
    except EOFError:
        os.unlink(temp, dir_fd=fd)
        fail('FAILED', 'the upload was cut short')
    except OSError as e:
        os.unlink(temp, dir_fd=fd)
        fail('FAILED', e.strerror)
    say('OK')


def main(args):
    op, root = args[0], args[1]
    if op == 'list':
        listing(walk(root, args[2:]))
    elif op == 'read':
        read(walk(root, args[2:-1]), args[-1])
    elif op == 'write':
        names = args[2:-2]
        write(walk(root, names[:-1]), names[-1], int(args[-2]), args[-1] == 'true')


main(sys.argv[1:])
