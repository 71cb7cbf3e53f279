// Opptatt-tilstand for skjemaer som tar tid (PDF-brev, beregninger): et skjema med data-opptatt="Tekst …" får
// knappen merket som opptatt (aria-busy, teksten byttes) når det sendes, og en ny innsending stoppes til svaret
// kommer. Uten JavaScript sendes skjemaet som før. Ingen innebygde skript (CSP).
(function () {
  "use strict";
  document.addEventListener("submit", function (hendelse) {
    var skjema = hendelse.target;
    if (!(skjema instanceof HTMLFormElement) || !skjema.hasAttribute("data-opptatt")) {
      return;
    }
    if (skjema.getAttribute("data-sendt") === "ja") {
      hendelse.preventDefault(); // allerede sendt: ingen dobbel innsending
      return;
    }
    skjema.setAttribute("data-sendt", "ja");
    skjema.setAttribute("aria-busy", "true");
    var knapp = hendelse.submitter || skjema.querySelector("button[type=submit], button:not([type])");
    if (!knapp) {
      return;
    }
    // Knappen deaktiveres etter at nettleseren har tatt med verdien sin i innsendingen.
    window.setTimeout(function () {
      knapp.setAttribute("aria-busy", "true");
      knapp.setAttribute("aria-disabled", "true");
      var etikett = knapp.querySelector(".aksel-label") || knapp;
      knapp.setAttribute("data-etikett", etikett.textContent);
      etikett.textContent = skjema.getAttribute("data-opptatt") || "Vent litt …";
    }, 0);
  });
  // Tilbake-knappen kan vise siden fra hurtigbufferen: da er skjemaet klart igjen.
  window.addEventListener("pageshow", function (hendelse) {
    if (hendelse.persisted) {
      document.querySelectorAll("form[data-sendt]").forEach(function (skjema) {
        skjema.removeAttribute("data-sendt");
        skjema.removeAttribute("aria-busy");
        skjema.querySelectorAll("button[data-etikett]").forEach(function (knapp) {
          (knapp.querySelector(".aksel-label") || knapp).textContent = knapp.getAttribute("data-etikett");
          knapp.removeAttribute("data-etikett");
          knapp.removeAttribute("aria-busy");
          knapp.removeAttribute("aria-disabled");
        });
      });
    }
  });
})();
