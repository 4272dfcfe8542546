// The guided player. The server holds the truth (which part, when it started, paused or
// not); this script only counts down from the remaining time the server sent, using the
// wall clock, so a throttled background tab or a locked phone stays right. Every control
// is a plain form that also works without this script.
(function () {
  "use strict";

  var deadline = null; // Date.now() value at which the current part ends
  var advanceSent = false;
  var timer = null;
  var wakeLock = null;
  var audio = null;
  var current = null;

  function player() {
    return document.getElementById("player");
  }

  function muted() {
    var toggle = document.querySelector("#sound-toggle [data-muted]");
    if (toggle) return toggle.dataset.muted === "true";
    var p = player();
    return p ? p.dataset.muted === "true" : false;
  }

  function format(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(total / 60);
    var s = total % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function beep() {
    if (muted()) return;
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      audio = audio || new Ctx();
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.25);
    } catch (e) {
      /* sound is a nicety */
    }
    if (navigator.vibrate) navigator.vibrate(200);
  }

  function announce(text) {
    var region = document.getElementById("player-announcer");
    if (region && text) {
      region.textContent = "";
      window.setTimeout(function () {
        region.textContent = text;
      }, 50);
    }
  }

  async function keepAwake(on) {
    if (!("wakeLock" in navigator)) return;
    try {
      if (on && !wakeLock) {
        wakeLock = await navigator.wakeLock.request("screen");
        wakeLock.addEventListener("release", function () {
          wakeLock = null;
        });
      } else if (!on && wakeLock) {
        await wakeLock.release();
        wakeLock = null;
      }
    } catch (e) {
      wakeLock = null; // e.g. low battery: the routine still works
    }
  }

  function submit(selector) {
    var p = player();
    var button = p && p.querySelector(selector);
    if (button) button.click();
    return !!button;
  }

  function tick() {
    var p = player();
    if (!p || deadline === null) return;
    var left = deadline - Date.now();
    var display = p.querySelector("[data-countdown]");
    if (display) display.textContent = format(left);
    if (left <= 0 && p.dataset.autoAdvance === "true" && !advanceSent) {
      advanceSent = true;
      submit('[data-action="next"]');
      // If the request failed (offline), try again shortly.
      window.setTimeout(function () {
        advanceSent = false;
      }, 4000);
    }
  }

  function setUp() {
    var p = player();
    window.clearInterval(timer);
    deadline = null;
    advanceSent = false;
    if (!p) return;
    var running = p.dataset.running === "true";
    var paused = p.dataset.paused === "true";
    if (running && !paused) {
      deadline = Date.now() + parseInt(p.dataset.remainingMs || "0", 10);
      timer = window.setInterval(tick, 250);
      tick();
    }
    keepAwake(running && !paused);

    var counter = p.querySelector("[data-rep-counter]");
    if (counter) {
      counter.addEventListener("click", function () {
        var out = counter.querySelector("[data-rep-count]");
        var n = parseInt(out.textContent, 10) + 1;
        var target = parseInt(counter.dataset.target, 10);
        out.textContent = String(Math.min(n, target));
        if (n >= target) beep();
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    current = player();
    setUp();
    if (current) announce(current.dataset.announce);
    document.documentElement.dataset.playerReady = "true";
  });

  // An outerHTML swap replaces the player element after every press. Only a new part
  // beeps and announces its step; a pause, a resume or a refused press (409) says just
  // what happened, read from the message the server put in the fragment.
  document.addEventListener("htmx:afterSettle", function () {
    var p = player();
    if (!p || p === current) return;
    var newPart = !current || current.dataset.position !== p.dataset.position;
    current = p;
    setUp();
    var message = p.querySelector("[data-player-error], [data-player-notice]");
    if (newPart) {
      beep();
      announce((message ? message.textContent.trim() + " " : "") + p.dataset.announce);
    } else if (message) {
      announce(message.textContent.trim());
    } else {
      announce(p.dataset.status);
    }
  });

  document.addEventListener("visibilitychange", function () {
    var p = player();
    if (document.visibilityState === "visible" && p) {
      keepAwake(p.dataset.running === "true" && p.dataset.paused !== "true");
      tick();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!player()) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") return;
    if (event.key === " " || event.code === "Space") {
      event.preventDefault();
      submit('[data-action="pause"]') || submit('[data-action="resume"]') || submit('[data-action="start"]');
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      submit('[data-action="next"]');
    }
  });
})();
