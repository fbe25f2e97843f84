"""Roles: the titles a release gives the people it names, one per person and office.

Titles are looked for around each person mention, in the shapes releases write them:

- before the name: "el canciller Juan Ramón de la Fuente", "Secretary of State Antony Blinken",
  "Mexican Foreign Secretary Marcelo Ebrard" (the nationality sets the country), a rank and a
  title together ("Director of Policy and Plans for U.S. Southern Command Brigadier General Rick
  Uribe" is two roles);
- an introduction: "El secretario de Desarrollo Agrario, Territorial y Urbano, Román Meyer Falcón";
- an apposition, coordinated titles split: "Roberto Velasco, subsecretario para América del Norte
  y encargado de despacho de la SRE"; a signature line under the name; a transcript header
  "MARÍA ISLAS MORALES, AUTORIDAD INDÍGENA NÁHUATL DE TABASCO:";
- a copula or "en su carácter de": "Adán va a ser el próximo secretario de Gobernación";
- a plural title shared out in order: "los secretarios de Marina y de la Defensa Nacional, José
  Rafael Ojeda Durán y Luis Cresencio Sandoval", "los próximos titulares de Sedena, X; de Semar, Y";
- standing for a body: "X, en representación de la Cámara de Comercio", "la Dirección de
  Protección Civil, a cargo de X"; a possessive title takes the body just named ("Por parte del
  Instituto X asistió su comisionada presidenta, Y").

What a title is made of (heads, modifiers, nationalities, prepositions) comes from the lexicon in
``models/titles.yaml``; ``prensa.titles`` normalises each title into both languages with its
organisation and country. A person keeps one role per office: the longest way it was written.

People are read from the linked mentions the pipeline puts on the Doc. Modules: ``view`` (the
document's tokens), ``grammar`` (where a title ends), ``before``, ``after``, ``shared`` and
``standing`` (the patterns), ``assemble`` (normalising and de-duplicating into Role records).
"""

from prensa.extract.roles.assemble import extract

__all__ = ["extract"]
