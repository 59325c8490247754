// The page's bearer token: ?token=... (then removed from the address bar) or a prompt; kept in sessionStorage.
const KEY = 'fleet.token';

export function takeToken() {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(KEY);
}

export function askForToken() {
  const dialog = document.getElementById('token-dialog');
  dialog.hidden = false;
  return new Promise((resolve) => {
    document.getElementById('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = document.getElementById('token-input').value.trim();
      sessionStorage.setItem(KEY, token);
      dialog.hidden = true;
      resolve(token);
    }, { once: true });
  });
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}
