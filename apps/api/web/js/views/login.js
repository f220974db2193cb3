import { api, session } from '../api.js';
import { html, render } from '../html.js';
import { problemText } from './common.js';

/** Local login: username and password → token (sessionStorage), then who the user is. */
export function loginView(root, { flash, onLoggedIn }) {
  render(
    root,
    html`<div class="login">
      <h1 tabindex="-1">Log ind</h1>
      <p class="lead">Frister og forløb for exit-programmer og kriminalpræventive sager.</p>
      ${flash ? html`<p class="notice info" role="status">${flash}</p>` : ''}
      <form id="login-form" class="login-form" novalidate aria-describedby="login-problem">
        <div class="field">
          <label for="login-username">Brugernavn</label>
          <input
            id="login-username"
            name="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
          />
        </div>
        <div class="field">
          <label for="login-password">Adgangskode</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password" />
        </div>
        <div class="form-problem" id="login-problem" role="alert" aria-live="assertive"></div>
        <div class="form-actions"><button type="submit" class="button primary wide">Log ind</button></div>
      </form>
    </div>`,
  );
  const form = root.querySelector('#login-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = form.querySelector('#login-problem');
    const button = form.querySelector('button');
    problem.textContent = '';
    button.disabled = true;
    try {
      const values = Object.fromEntries(new FormData(form));
      const answer = await api.post('/api/auth/login', {
        username: String(values.username).trim(),
        password: String(values.password),
      });
      session.save(answer.accessToken, answer.user);
      session.save(answer.accessToken, await api.get('/api/auth/me'));
      onLoggedIn();
    } catch (error) {
      problem.textContent = problemText(error);
      form.querySelector('#login-password').select();
    } finally {
      button.disabled = false;
    }
  });
}
