// The phone page: browse, vote, take back and submit, against the kiosk's own rules (the server decides).
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let texts = {};
  let lang = localStorage.getItem('ik_lang') || (navigator.language || 'de').slice(0, 2);
  let state = null;
  let current = null;      // the idea shown in detail
  let similarShown = false;

  // "de-einfach" (Leichte Sprache) is a way of writing German: the server stores and the page is marked as "de".
  function storedLanguage() { return lang.split('-')[0]; }

  function t(key, values) {
    const table = texts[lang] || texts.de || {};
    let text = table[key] || (texts.de || {})[key] || key;
    for (const [name, value] of Object.entries(values || {})) text = text.replace('{' + name + '}', value);
    return text;
  }

  async function api(method, path, body) {
    const options = { method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    if (!response.ok) throw Object.assign(new Error(data.error || 'generic'), { code: data.error || 'generic' });
    return data;
  }

  function notify(code) {
    const key = 'err.' + code;
    const table = texts[lang] || {};
    $('notice').textContent = table[key] ? t(key) : t('err.generic');
    $('notice').hidden = false;
  }
  function clearNotice() { $('notice').hidden = true; }

  function show(section) {
    for (const id of ['browse', 'detail', 'submit', 'thanks']) $(id).hidden = id !== section;
    clearNotice();
    window.scrollTo(0, 0);
  }

  function categoryName(key) {
    const c = (state.event.categories || []).find((x) => x.key === key);
    if (!c) return t('noCategory');
    return c.names[lang] || c.names.de || c.key;
  }

  function fillSelect(select, options, keep) {
    const previous = keep ? select.value : '';
    select.replaceChildren(...options.map(([value, label]) => {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      return o;
    }));
    if (options.some(([value]) => value === previous)) select.value = previous;
  }

  function applyTexts() {
    document.documentElement.lang = storedLanguage();
    // Arabic reads right to left: the browser shapes the text and mirrors the page's flow.
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-current', String(b.dataset.lang === lang));
    if (!state) return;
    const cats = [['', t('all')]].concat(state.event.categories.map((c) => [c.key, categoryName(c.key)]));
    fillSelect($('filter-category'), cats, true);
    fillSelect($('f-category'), state.event.categories.map((c) => [c.key, categoryName(c.key)]), true);
    const orders = [['number', t('byNumber')], ['newest', t('newest')]];
    if (state.event.showCounts) orders.push(['votes', t('mostVotes')]);
    fillSelect($('order'), orders, true);
    $('f-send').textContent = similarShown ? t('send') : t('next');
    render();
  }

  function voted(number) { return !!state.session && state.session.voted.includes(number); }

  function voteButton(button, idea) {
    const on = voted(idea.number);
    button.textContent = on ? t('retract') : t('vote');
    button.setAttribute('aria-pressed', String(on));
    button.disabled = !state.event.votingOpen;
    button.onclick = () => toggleVote(idea.number);
  }

  function ideaItem(idea, withVote) {
    const li = document.createElement('li');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'open';
    open.textContent = '#' + idea.number + ' ' + idea.title;
    open.onclick = () => { current = idea.number; renderDetail(); show('detail'); };
    li.append(open);
    if (state.event.showCounts) {
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = t('votes', { n: idea.votes });
      li.append(count);
    }
    if (withVote) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'vote';
      b.dataset.idea = idea.number;
      voteButton(b, idea);
      li.append(b);
    }
    return li;
  }

  function render() {
    $('event-title').textContent = state.event.title;
    const left = state.session ? state.session.votesLeft : state.event.budget;
    $('budget').textContent = state.event.votingOpen ? t('votesLeft', { n: left, b: state.event.budget }) : t('votingClosed');
    const category = $('filter-category').value;
    const order = $('order').value;
    let ideas = state.ideas.filter((i) => !category || i.category === category);
    if (order === 'newest') ideas = ideas.slice().sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
    if (order === 'votes') ideas = ideas.slice().sort((a, b) => b.votes - a.votes || a.number - b.number);
    const list = $('idea-list');
    if (ideas.length === 0) {
      const li = document.createElement('li');
      li.textContent = t('empty');
      list.replaceChildren(li);
    } else {
      list.replaceChildren(...ideas.map((i) => ideaItem(i, true)));
    }
    $('new-idea').disabled = !state.event.submissionOpen;
    if (!$('detail').hidden) renderDetail();
  }

  function renderDetail() {
    const idea = state.ideas.find((i) => i.number === current);
    if (!idea) { show('browse'); return; }
    $('detail-title').textContent = '#' + idea.number + ' ' + idea.title;
    const parts = [categoryName(idea.category)];
    if (idea.author) parts.push(idea.author);
    if (state.event.showCounts) parts.push(t('votes', { n: idea.votes }));
    $('detail-meta').textContent = parts.join(' · ');
    $('detail-description').textContent = idea.description;
    voteButton($('detail-vote'), idea);
  }

  // The language buttons: the event's languages (state.event.languages) the page has texts for, in the event's
  // order, each in its own name. A language chosen earlier that the event does not offer gives way to its first.
  let offered = [];
  function offerLanguages(languages) {
    const list = (languages || Object.keys(texts)).filter((code) => texts[code]);
    if (list.length === 0 || list.join() === offered.join()) return;
    offered = list;
    if (!offered.includes(lang)) lang = offered[0];
    document.querySelector('nav.languages').replaceChildren(...offered.map((code) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.lang = code;
      b.lang = code.split('-')[0];
      b.textContent = texts[code].language || code;
      b.onclick = () => { lang = b.dataset.lang; localStorage.setItem('ik_lang', lang); applyTexts(); };
      return b;
    }));
  }

  async function refresh() {
    try {
      state = await api('GET', '/api/state');
      offerLanguages(state.event.languages);
      applyTexts();
    } catch (e) { /* the next poll tries again */ }
  }

  async function ensureSession() {
    if (state && state.session) return;
    await api('POST', '/api/session', { language: storedLanguage() });
  }

  async function toggleVote(number) {
    clearNotice();
    try {
      await ensureSession();
      await api('POST', voted(number) ? '/api/retract' : '/api/vote', { idea: number });
    } catch (e) {
      notify(e.code);
    }
    await refresh();
  }

  async function submitIdea(event) {
    event.preventDefault();
    clearNotice();
    const form = $('idea-form');
    const idea = { title: form.title.value, description: form.description.value, author: form.author.value,
      category: form.category.value, language: storedLanguage() };
    if (!idea.title.trim()) { notify('title_empty'); return; }
    try {
      if (!similarShown) {
        const found = await api('GET', '/api/similar?text=' + encodeURIComponent(idea.title));
        if (found.similar.length > 0) {
          similarShown = true;
          $('similar-list').replaceChildren(...found.similar.map((i) => ideaItem(state.ideas.find((x) => x.number === i.number) || i, true)));
          $('similar').hidden = false;
          $('f-send').textContent = t('send');
          $('similar').scrollIntoView();
          return;
        }
      }
      await ensureSession();
      const saved = await api('POST', '/api/ideas', idea);
      $('thanks-text').textContent = t(saved.status === 'pending' ? 'thanksPending' : 'thanksNumber', { n: saved.number });
      form.reset();
      resetSimilar();
      show('thanks');
      await refresh();
    } catch (e) {
      notify(e.code);
    }
  }

  function resetSimilar() {
    similarShown = false;
    $('similar').hidden = true;
    $('f-send').textContent = t('next');
  }

  async function start() {
    try { texts = await (await fetch('/texts.json')).json(); } catch (e) { texts = {}; }
    if (!texts[lang]) lang = 'de';
    for (const b of document.querySelectorAll('.back')) b.onclick = () => { resetSimilar(); show('browse'); };
    $('new-idea').onclick = () => { resetSimilar(); show('submit'); $('f-title').focus(); };
    $('idea-form').onsubmit = submitIdea;
    $('f-title').oninput = () => { if (similarShown) resetSimilar(); };
    $('filter-category').onchange = render;
    $('order').onchange = render;
    applyTexts();
    await refresh();
    setInterval(refresh, 5000);  // live counts: a poll every five seconds
  }

  start();
})();
