// Utlogging hos innloggingstjenesten: sender skjemaet med én gang (uten skript trykker brukeren på knappen).
(function () {
  "use strict";
  var skjema = document.getElementById("oidc-logg-ut");
  if (skjema) { skjema.submit(); }
})();
