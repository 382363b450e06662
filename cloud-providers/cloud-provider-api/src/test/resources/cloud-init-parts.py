# Reads user data the way cloud-init does on a machine (Debian's cloud-init package): splits it into parts, merges
# the cloud-config parts with their own merge rules, and prints the parts, the merged config and every write_files
# entry decoded, as JSON.
import base64, json, sys, tempfile
from cloudinit import handlers, helpers, user_data, util
from cloudinit.handlers import cloud_config

blob = open(sys.argv[1], 'rb').read()
tmp = tempfile.mkdtemp()
paths = helpers.Paths({'cloud_dir': tmp, 'run_dir': tmp})
message = user_data.UserDataProcessor(paths).process(blob)
merger = cloud_config.CloudConfigPartHandler(paths)
merger.handle_part(None, handlers.CONTENT_START, None, None, None, None)
parts = []
for part in message.walk():
    if part.is_multipart():
        continue
    ctype = part.get_content_type()
    payload = util.fully_decoded_payload(part)
    parts.append({'type': ctype, 'payload': payload})
    if ctype == 'text/cloud-config':
        merger.handle_part(None, ctype, part.get_filename() or '', payload, None, dict(part.items()))
config = merger.cloud_buf or {}
files = {}
for entry in config.get('write_files', []):
    content = entry.get('content', '')
    if entry.get('encoding') == 'b64':
        content = base64.b64decode(content).decode('utf-8')
    files[entry['path']] = {'content': content, 'permissions': entry.get('permissions'), 'owner': entry.get('owner')}
print(json.dumps({'parts': parts, 'files': files}))
