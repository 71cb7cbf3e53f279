"""Felles innstillinger. Miljøspesifikke verdier ligger i dev.py, test.py og prod.py."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "kvp.felles",
    "kvp.tilgang",
    "kvp.jobber",
    "kvp.person",
    "kvp.soeknad",
    "kvp.sak",
    "kvp.dokument",
    "kvp.deltaker",
    "kvp.oppmoete",
    "kvp.utbetaling",
    "kvp.vedtak",
    "kvp.brev",
    "kvp.plan",
    "kvp.personvern",
    # API for andre systemer (/api/v1/) med tokener for tjenestekontoer.
    "kvp.api",
    "kvp.tilsyn",
    "kvp.klage",
    "kvp.statistikk",
    # Arbeidsflaten: mine oppgaver (fra oppgaveregisteret i kvp.felles.oppgaver), mine saker og søket.
    "kvp.arbeidsflate",
    # Demodata (`manage.py demodata`); ingen annen app importerer den, og kommandoen nekter å kjøre i prod.
    "kvp.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kvp.tilgang.middleware.ForespoerselMiddleware",
    "kvp.deltaker.middleware.MaalformMiddleware",
    "kvp.felles.middleware.IngenLagringMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kvp.felles.middleware.KvpFeilMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kvp" / "felles" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kvp.tilgang.context_processors.tilgang",
                "kvp.deltaker.context_processors.uleste",
            ],
        },
    },
]

# Bakgrunnsjobber (kvp.jobber): Djangos Tasks-API med databasebakenden, så SQLite og PostgreSQL virker uten noe annet
# som må kjøre. `manage.py jobber_arbeider` (startet av `make run` via Procfile) kjører oppgavene.
# Statistikksidene legger tabellene og de ferdige diagrammene i et eget, lite hurtigbuffer per prosess (ADR 0017);
# nøkkelen har hvilke beregninger av månedstallene som vises, så nye tall gir en ny nøkkel.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "statistikk": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "statistikk",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 60},
    },
}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "tilgang.Bruker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "tilgang:logg_inn"
LOGIN_REDIRECT_URL = "felles:forside"
LOGOUT_REDIRECT_URL = "tilgang:logg_inn"

# Innloggingssperre (django-axes, kvp/tilgang/sperre.py). Grensene gjelder per time (AXES_COOLOFF_TIME), i samme
# rekkefølge som AXES_LOCKOUT_PARAMETERS: fem feil på ett brukernavn fra én adresse; tjue feil fra én adresse uansett
# brukernavn (passordspraying); tjue feil på ett brukernavn fra alle adresser (spraying fra mange adresser).
AXES_HANDLER = "kvp.tilgang.sperre.SperreHandler"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
KVP_SPERRE_GRENSER = [5, 20, 20]
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_TEMPLATE = "tilgang/sperret.html"
AXES_CLIENT_IP_CALLABLE = "kvp.tilgang.sperre.klientadresse"
AXES_USERNAME_CALLABLE = "kvp.tilgang.sperre.sperre_brukernavn"
AXES_SENSITIVE_PARAMETERS = ["username", "password", "ip_address"]
# Antall betrodde omvendte proxyer foran appen (X-Forwarded-For); 0 = ingen. prod.py leser DJANGO_PROXY_ANTALL.
KVP_PROXY_ANTALL = 0
AXES_RESET_ON_SUCCESS = True

# Økter og CSRF: informasjonskapslene er utilgjengelige for JavaScript og varer en arbeidsdag.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "kvp.felles.views.csrf_feil"

LANGUAGE_CODE = "nb"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# Opplastede dokumenter (klagevedlegg og deltakerens dokumenter) lagres med Djangos lagrings-API her (mappen
# serveres aldri direkte, ingen MEDIA_URL-rute): bare gjennom visningene med tilgangssjekk. Grensene er
# tekniske valg, ikke regler.
MEDIA_ROOT = BASE_DIR / "var" / "dokumenter"
KVP_DOKUMENT_MAKS_BYTE = 10 * 1024 * 1024
KVP_DOKUMENT_MAKS_ANTALL = 10

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Dokumenter fra deltakeren (kvp.dokument): navnet i STORAGES filene skrives til, og største filstørrelse.
# Et S3-kompatibelt lager settes opp ved å legge til f.eks. "dokumenter": {"BACKEND":
# "storages.backends.s3.S3Storage", "OPTIONS": {...}} i STORAGES og sette KVP_DOKUMENT_LAGER = "dokumenter"
# (docs/adr/0015-deltakerens-kvp.md).
KVP_DOKUMENT_LAGER = "default"
# Aktiveringslenken kontoret sender en person, gyldig så mange timer [I] (vårt valg).
KVP_AKTIVERING_GYLDIG_TIMER = 72
# Varsler uten personopplysninger: SMS gjennom en utskiftbar klasse (konsoll i utvikling), og så mange forsøk.
KVP_SMS_BACKEND = "kvp.deltaker.sms.KonsollSms"
KVP_VARSEL_MAKS_FORSOEK = 5
# Arbeidsprosessen sender varsler som venter så ofte (minutter), og et feilet varsel prøves igjen etter 5, 10, 20 …
# minutter (ventetiden dobles). Tekniske valg, ikke regler.
KVP_VARSEL_INTERVALL_MINUTTER = 5
KVP_VARSEL_VENTETID_MINUTTER = 5
# En melding fra deltakeren bør besvares innen så mange dager [I] (vårt valg): fristen på oppgaven i «Mine oppgaver».
KVP_MELDING_SVARFRIST_DAGER = 2
DEFAULT_FROM_EMAIL = "ikke-svar@kvp.nav.no"

# Sant bare i prod.py: da nekter blant annet `manage.py demodata` å kjøre.
KVP_PRODUKSJON = False

# Syntetiske fødselsnumre (Skatteetatens testnumre: måned + 80) godtas bare når dette er på.
# prod.py slår det alltid av.
KVP_TILLAT_SYNTETISKE_FNR = False

# Standard saksbehandlingsfrister (dager) når kontoret ikke har egne.
KVP_FRIST_VARSEL_DAGER = 14
KVP_FRIST_OVERSKREDET_DAGER = 21
# Kontorets frister for programmet [I]: ingen lovfestet oppstartsfrist er funnet (spec/regler.md § 6.5).
# 6 måneder følger Randaberg-rutinen (seeds); 8 uker varsel før programslutt er vårt forslag. Kan endres per kontor.
KVP_FRIST_OPPSTART_MAANEDER = 6
KVP_VARSEL_PROGRAMSLUTT_UKER = 8
# Kommunens utbetalingsinnstillinger [I]/[U] (standarder for nye kommuner, endres per kommune):
# * utbetalingsdag 15: Kongsvinger kommune utbetaler den 15. (seeds); flyttes til forrige bankdag ved helg/helligdag.
# * største trekk for tilbakekreving: loven sier bare at NAV kan trekke i senere utbetalinger (N3, § 40 [I]);
#   grensen er kommunens valg [U]. 50 % er et forsiktig standardvalg, ikke en lovregel.
# * ferie med stønad: antallet dager er ikke funnet i kildene (spec/regler.md § 1.7 [U]); 25 virkedager per
#   kalenderår er standard til forskriften er sjekket.
KVP_UTBETALINGSDAG = 15
KVP_MAKS_TREKK_PROSENT = 50
KVP_FERIE_VIRKEDAGER_PER_AAR = 25
# Skattetrekket uten skattekort er en lovregel og står som datert parameter i kvp_regler/parametere/oppgjoer.yaml.
# Programplan og oppmøte (docs/plan-og-oppmoete.md):
# * 37,5 timer per uke er lovens fulle tid [V] (forskriften § 1) og ligger i kvp_regler-parameterne.
# * høyst 45 timer per uke når aktiviteter overlapper: vårt valg for hva som er mulig å følge opp [I].
# * sluttfasen (der arbeidssøking alltid skal være med, forskriften § 1) er ikke tallfestet i kildene [U];
#   de siste 8 ukene er standard til det er avklart.
# * egenmelding: grensene (dager per gang) er ikke funnet i kildene [U]; 3 virkedager per melding er standard.
KVP_PLAN_MAKS_TIMER_PER_UKE = 45
KVP_PLAN_SLUTTFASE_UKER = 8
KVP_EGENMELDING_MAKS_VIRKEDAGER = 3
# Så mange saker vises per kolonne på tavla; resten telles.
KVP_TAVLE_MAKS_PER_KOLONNE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Fødselsnumre maskeres i alt som logges (også databasefeil som siterer en nøkkel).
    "filters": {"masker_fnr": {"()": "kvp.felles.logging.MaskerFoedselsnummer"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["masker_fnr"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Innholdssikkerhet (CSP): bare egne filer. Malene har ingen innebygde skript eller stiler, og htmx er satt opp uten
# eval og uten egne stiler (meta htmx-config i felles/base.html). Aksel-CSS-en peker på fonter på cdn.nav.no; de
# blokkeres med vilje (ingen kall til tredjepart fra saksbehandlernes nettlesere), og siden bruker systemfonten.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Innlogging (kvp/tilgang/oidc.py, docs/drift.md, ADR 0007). Ansatte logger inn gjennom Entra ID, deltakere gjennom
# ID-porten, begge med OpenID Connect. Adressene og klientene settes i miljøet (prod.py); en tjeneste uten
# discovery-adresse og klient-id er av. Brukeren må finnes i KVP fra før: ansatte slås opp på brukernavnet
# (= NAVident), deltakere på fødselsnummeret (`pid`) til personen i deltakerrollen.
KVP_OIDC: dict[str, dict[str, str]] = {
    "ansatt": {
        "tekst": "Logg inn som NAV-ansatt",
        "discovery": "",
        "client_id": "",
        "client_secret": "",
        "scope": "openid profile",
        "brukerpaastand": "NAVident",
        "slaa_opp": "brukernavn",
    },
    "idporten": {
        "tekst": "Logg inn med ID-porten",
        "discovery": "",
        "client_id": "",
        "client_secret": "",
        "scope": "openid profile",
        "brukerpaastand": "pid",
        "slaa_opp": "foedselsnummer",
        "acr_values": "idporten-loa-high",
    },
}
# Sikkerhetsnivå per rolle for innlogging med OpenID Connect [I]: vårt valg, ikke en lovregel. Ansatte må ha brukt
# tofaktor (amr «mfa» fra Entra ID); deltakere må ha høyt nivå i ID-porten (BankID o.l., acr «idporten-loa-high»),
# fordi de ser sine egne opplysninger om økonomi og helse. `acr`: ett av nivåene; `amr`: alle metodene.
KVP_INNLOGGING_KRAV: dict[str, dict[str, list[str]]] = {
    "VEILEDER": {"amr": ["mfa"]},
    "KVP_VEILEDER": {"amr": ["mfa"]},
    "BESLUTTER": {"amr": ["mfa"]},
    "LEDER": {"amr": ["mfa"]},
    "OEKONOMI": {"amr": ["mfa"]},
    "STATSFORVALTER": {"amr": ["mfa"]},
    "DELTAKER": {"acr": ["idporten-loa-high"]},
}
# Passordinnlogging finnes bare for demo og utvikling (`make run`); prod.py slår den alltid av.
KVP_PASSORD_INNLOGGING = False

# Lagringstid (docs/drift.md «Lagringstid og sletting», docs/regler/personvern.md). Lovens frister (arkiv- og
# bokføringsplikt) står i kvp_regler/parametere/lagring.yaml; tallene her er våre valg [U], som personvernombudet og
# kommunens arkivleder må godkjenne før produksjon. `manage.py rydd` (daglig) sletter og anonymiserer etter dem.
# * Personer uten sak (bare registrert eller kartlagt, aldri søkt): anonymiseres etter to år uten ny kartlegging.
# * Revisjonsloggen: ti år, så den dekker hele saksmappens arkivtid og en innsynsbegjæring om hvem som har sett
#   opplysningene. Utløseren i PostgreSQL nekter uansett å slette rader som er yngre enn fem år.
# * Innloggingsloggen (django-axes: vellykkede og mislykkede innlogginger): et halvt år, nok til å etterforske
#   misbruk. Sperreposter slettes når sperretiden (AXES_COOLOFF_TIME) er ute, utløpte økter straks.
KVP_LAGRING_UTEN_SAK_DAGER = 730
# Aktiveringslenker etter at de er brukt eller utløpt, og varsler til deltakeren etter at de er sendt [U].
KVP_LAGRING_AKTIVERINGSLENKE_DAGER = 30
KVP_LAGRING_VARSEL_DAGER = 180
KVP_LAGRING_REVISJONSLOGG_AAR = 10
KVP_LAGRING_INNLOGGINGSLOGG_DAGER = 180
# Nøkkelen bak pseudonymet for slettede personer (HMAC av fødselsnummeret). Tom = SECRET_KEY; prod.py leser
# DJANGO_PSEUDONYM_NOEKKEL, som ikke skal byttes (da kan pseudonymene ikke lenger slås opp).
KVP_PSEUDONYM_NOEKKEL = ""
# API-et (/api/v1/, kvp.api): høyst så mange kall per token per tidsvindu (sekunder); over grensen gir 429.
KVP_API_GRENSE = (120, 60)
