// API-dokumentasjonen: leser OpenAPI-skjemaet og viser operasjonene. Ingen innebygde skript eller stiler (CSP).
(function () {
  "use strict";
  var rot = document.getElementById("api-dokumentasjon");
  if (!rot) { return; }

  function el(navn, klasse, tekst) {
    var e = document.createElement(navn);
    if (klasse) { e.className = klasse; }
    if (tekst !== undefined) { e.textContent = tekst; }
    return e;
  }

  function ref(skjema, alt) {
    if (skjema && skjema.$ref) {
      var deler = skjema.$ref.replace(/^#\//, "").split("/");
      var s = alt;
      deler.forEach(function (d) { s = s ? s[d] : undefined; });
      return s || {};
    }
    return skjema || {};
  }

  function typetekst(skjema, alt) {
    var s = ref(skjema, alt);
    if (skjema && skjema.$ref) { return skjema.$ref.split("/").pop(); }
    if (s.type === "array") { return "liste av " + typetekst(s.items, alt); }
    if (s.anyOf) { return s.anyOf.map(function (a) { return typetekst(a, alt); }).join(" eller "); }
    if (s.oneOf) { return s.oneOf.map(function (a) { return typetekst(a, alt); }).join(" eller "); }
    if (s.enum) { return s.enum.join(" | "); }
    return (s.type || "verdi") + (s.format ? " (" + s.format + ")" : "");
  }

  function felttabell(skjema, alt) {
    var s = ref(skjema, alt);
    var egenskaper = s.properties || {};
    var navn = Object.keys(egenskaper);
    if (!navn.length) { return el("p", "aksel-body-short", typetekst(skjema, alt)); }
    var tabell = el("table", "aksel-table");
    tabell.setAttribute("data-size", "small");
    var hode = el("thead", "aksel-table__header");
    var rad = el("tr", "aksel-table__row");
    ["Felt", "Type", "Påkrevd", "Beskrivelse"].forEach(function (t) {
      var th = el("th", "aksel-table__header-cell", t);
      th.setAttribute("scope", "col");
      rad.appendChild(th);
    });
    hode.appendChild(rad);
    tabell.appendChild(hode);
    var kropp = el("tbody", "aksel-table__body");
    navn.forEach(function (n) {
      var r = el("tr", "aksel-table__row");
      var e = egenskaper[n];
      r.appendChild(el("td", "aksel-table__data-cell", n));
      r.appendChild(el("td", "aksel-table__data-cell", typetekst(e, alt)));
      r.appendChild(el("td", "aksel-table__data-cell", (s.required || []).indexOf(n) >= 0 ? "ja" : "nei"));
      r.appendChild(el("td", "aksel-table__data-cell", ref(e, alt).description || ""));
      kropp.appendChild(r);
    });
    tabell.appendChild(kropp);
    return tabell;
  }

  function vis(skjema) {
    rot.textContent = "";
    if (skjema.info && skjema.info.description) {
      rot.appendChild(el("p", "aksel-body-long", skjema.info.description));
    }
    Object.keys(skjema.paths || {}).forEach(function (sti) {
      var operasjoner = skjema.paths[sti];
      Object.keys(operasjoner).forEach(function (metode) {
        var op = operasjoner[metode];
        var seksjon = el("section", "kvp-kort");
        seksjon.appendChild(el("h2", "aksel-heading aksel-heading--small", metode.toUpperCase() + " /api/v1" + sti.replace(/^\/api\/v1/, "")));
        if (op.summary) { seksjon.appendChild(el("p", "aksel-body-short", op.summary)); }
        if (op.description) { seksjon.appendChild(el("p", "aksel-body-long", op.description)); }
        var parametre = op.parameters || [];
        if (parametre.length) {
          seksjon.appendChild(el("h3", "aksel-heading aksel-heading--xsmall", "Parametre"));
          var liste = el("ul", "aksel-body-short");
          parametre.forEach(function (p) {
            liste.appendChild(el("li", "", p.name + " (" + p["in"] + (p.required ? ", påkrevd" : "") + "): " + typetekst(p.schema, skjema)));
          });
          seksjon.appendChild(liste);
        }
        var kropp = op.requestBody && op.requestBody.content;
        if (kropp) {
          seksjon.appendChild(el("h3", "aksel-heading aksel-heading--xsmall", "Innhold (" + Object.keys(kropp).join(", ") + ")"));
          var forste = kropp[Object.keys(kropp)[0]];
          seksjon.appendChild(felttabell(forste.schema, skjema));
        }
        seksjon.appendChild(el("h3", "aksel-heading aksel-heading--xsmall", "Svar"));
        var svarliste = el("ul", "aksel-body-short");
        Object.keys(op.responses || {}).forEach(function (kode) {
          var svar = op.responses[kode];
          var innhold = svar.content ? Object.keys(svar.content).join(", ") : "";
          svarliste.appendChild(el("li", "", kode + ": " + (svar.description || "") + (innhold ? " (" + innhold + ")" : "")));
        });
        seksjon.appendChild(svarliste);
        rot.appendChild(seksjon);
      });
    });
  }

  fetch(rot.getAttribute("data-skjema"), { credentials: "same-origin" })
    .then(function (svar) {
      if (!svar.ok) { throw new Error("status " + svar.status); }
      return svar.json();
    })
    .then(vis)
    .catch(function () {
      rot.textContent = "";
      rot.appendChild(el("p", "aksel-error-message aksel-label", "Klarte ikke å laste skjemaet. Last siden på nytt."));
    });
})();
