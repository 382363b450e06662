#!/usr/bin/env python3
"""Checks the running dev realm (.ci/keycloak/start.sh) gives the portal what it relies on.

1. Password grant (test client vantage-cli) for rosalind and grace: decoded access/ID tokens carry person_id,
   roles (only the facility roles) and aud=vantage-portal; userinfo carries them too.
2. Authorization code flow of the confidential client vantage-portal, as a browser would do it, with a redirect on
   a random localhost port (the tests' case) and PKCE S256; a request without PKCE must be refused.
Standard library only, so it runs on a fresh Debian machine. Exit code 1 with a message on the first failure.
"""
import base64, hashlib, html, http.cookiejar, json, os, re, secrets, sys, urllib.error, urllib.parse, urllib.request

BASE = os.environ.get("KEYCLOAK_URL", "http://localhost:8180") + "/realms/vantage/protocol/openid-connect"
PORTAL_SECRET = os.environ.get("VANTAGE_AUTH_OIDC_CLIENT_SECRET", "vantage-dev-secret")
EXPECTED = {"rosalind": ("1001", []), "grace": ("admin", ["ADMIN", "STAFF"])}


def fail(msg):
    print(f"keycloak/verify.py: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def claims(jwt):
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def post(url, data, headers=None):
    req = urllib.request.Request(url, urllib.parse.urlencode(data).encode(), headers or {})
    try:
        with urllib.request.urlopen(req) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        fail(f"POST {url} -> {e.code} {e.read().decode(errors='replace')}")
    except urllib.error.URLError as e:
        fail(f"POST {url}: {e.reason} (is Keycloak running? .ci/keycloak/start.sh)")


def check_token_claims(user, tokens):
    person_id, roles = EXPECTED[user]
    access, id_token = claims(tokens["access_token"]), claims(tokens["id_token"])
    aud = access.get("aud")
    if "vantage-portal" not in (aud if isinstance(aud, list) else [aud]):
        fail(f"{user}: access token aud {aud!r} lacks vantage-portal")
    for name, c in (("access", access), ("id", id_token)):
        if c.get("person_id") != person_id:
            fail(f"{user}: {name} token person_id {c.get('person_id')!r}, expected {person_id!r}")
        # Keycloak leaves the claim out when the user has none of the facility roles.
        if sorted(c.get("roles", [])) != roles:
            fail(f"{user}: {name} token roles {c.get('roles')!r}, expected {roles!r}")
    print(f"  {user}: iss={access['iss']} aud={aud} person_id={access['person_id']} roles={access.get('roles', [])}")
    return access


def password_grant(user):
    tokens = post(f"{BASE}/token", {"grant_type": "password", "client_id": "vantage-cli", "username": user,
                                    "password": user, "scope": "openid"})
    check_token_claims(user, tokens)
    req = urllib.request.Request(f"{BASE}/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    with urllib.request.urlopen(req) as r:
        info = json.load(r)
    if info.get("person_id") != EXPECTED[user][0] or sorted(info.get("roles", [])) != EXPECTED[user][1]:
        fail(f"{user}: userinfo {info}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def auth_url(redirect, challenge=None):
    q = {"client_id": "vantage-portal", "response_type": "code", "scope": "openid", "redirect_uri": redirect,
         "state": secrets.token_urlsafe(8)}
    if challenge:
        q |= {"code_challenge": challenge, "code_challenge_method": "S256"}
    return f"{BASE}/auth?{urllib.parse.urlencode(q)}"


class LocalhostIsSecure(http.cookiejar.DefaultCookiePolicy):
    """Browsers treat http://localhost as a secure context and send Keycloak's Secure cookies there; urllib not."""
    def return_ok_secure(self, cookie, request):
        return True


def code_flow(user):
    jar = http.cookiejar.CookieJar(LocalhostIsSecure())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    redirect = "http://localhost:41234/login/oauth2/code/keycloak"   # any port: the tests' random ports
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()

    with opener.open(auth_url(redirect, challenge)) as r:
        page = r.read().decode()
    action = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', page)
    if not action:
        fail(f"{user}: no login form for redirect {redirect} (is the redirect URI accepted?)")
    try:
        opener.open(html.unescape(action.group(1)), urllib.parse.urlencode({"username": user, "password": user}).encode())
        fail(f"{user}: login did not redirect back to the portal")
    except urllib.error.HTTPError as e:
        location = e.headers.get("Location", "")
    if not location.startswith(redirect):
        fail(f"{user}: login redirected to {location!r}")
    code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)["code"][0]
    basic = base64.b64encode(f"vantage-portal:{PORTAL_SECRET}".encode()).decode()
    tokens = post(f"{BASE}/token", {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
                                    "code_verifier": verifier}, {"Authorization": f"Basic {basic}"})
    access = check_token_claims(user, tokens)
    if access.get("azp") != "vantage-portal":
        fail(f"{user}: azp {access.get('azp')!r}")


def refused():
    opener = urllib.request.build_opener(NoRedirect)
    try:   # no PKCE: Keycloak redirects back with error=invalid_request ... code_challenge_method
        opener.open(auth_url("http://localhost:41234/login/oauth2/code/keycloak"))
        fail("an authorization request without PKCE was accepted")
    except urllib.error.HTTPError as e:
        if "error=invalid_request" not in e.headers.get("Location", "") or "code_challenge" not in e.headers["Location"]:
            fail(f"request without PKCE answered {e.code} {e.headers.get('Location')}")
    try:   # a redirect to another host is no valid redirect URI: an error page, no redirect
        opener.open(auth_url("http://portal.example.org/login/oauth2/code/keycloak", "x" * 43))
        fail("a redirect URI on a foreign host was accepted")
    except urllib.error.HTTPError as e:
        if e.code != 400:
            fail(f"a redirect URI on a foreign host answered {e.code} {e.headers.get('Location')}")


print("Password grant (vantage-cli):")
for u in EXPECTED:
    password_grant(u)
print("Authorization code + PKCE (vantage-portal, redirect on a random localhost port):")
refused()
for u in EXPECTED:
    code_flow(u)
print("Keycloak realm OK")
