"""Demodata for `make run` (`manage.py demodata`): kontorer, brukere i alle roller, personer, saker, vedtak, plan,
oppmøte og utbetalinger, lastet gjennom tjenestene som i produksjon.

Ingen annen app importerer herfra. Alle datoer regnes fra én gitt `idag`, og tilfeldigheten kommer fra én seedet
`random.Random`, så samme dag gir samme data, og dataene er gyldige uansett hvilken dag (og hvilket klokkeslett)
de lastes.
"""
