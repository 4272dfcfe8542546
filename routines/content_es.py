"""The routine library in Spanish (tú), field by field, by slug: see routines/content.py.

Loaded by data migrations (routines/library.py) into the `_es` columns; a text missing
here shows in English (`manage.py missing_translations` lists it)."""


def steps(*lines: str) -> str:
    return "\n".join(lines)


STOP = (
    "Para si te duele, si el dolor baja por la pierna "
    "o si notas entumecimiento, hormigueo o debilidad."
)
STOP_STANDING = (
    "Para si te duele, si te mareas o pierdes el equilibrio, si el dolor baja por la pierna "
    "o si notas entumecimiento, hormigueo o debilidad."
)
STOP_BENDING_BACK = (
    "Para si el dolor aumenta o se extiende a la nalga o a la pierna, "
    "o si notas entumecimiento, hormigueo o debilidad."
)
STOP_ROLLER = (
    "Para si notas un dolor agudo, si el dolor baja por la pierna "
    "o si notas entumecimiento, hormigueo o debilidad."
)

EXERCISES = {
    "foam-roller-upper-back": {
        "name": "Rodillo: parte alta de la espalda",
        "summary": "Rodar suavemente la zona media y alta de la espalda con la cadera en el suelo.",
        "starting_position": (
            "Túmbate boca arriba con un rodillo de espuma atravesado bajo la espalda, justo "
            "por debajo de los omóplatos. Rodillas dobladas, pies apoyados y cadera en el "
            "suelo. Cruza los brazos sobre el pecho."
        ),
        "instructions": steps(
            "Levanta la cadera solo un poco, o déjala en el suelo si te resulta más cómodo.",
            "Empuja suavemente con los pies para rodar unos centímetros arriba y abajo por la "
            "zona media y alta de la espalda.",
            "Mantén el rodillo por encima de la zona lumbar: no ruedes sobre la parte baja de "
            "la espalda.",
            "Muévete despacio y mantén una presión cómoda.",
        ),
        "breathing_cue": (
            "Respira despacio y con calma; deja que la espalda se relaje cada vez que sueltas "
            "el aire."
        ),
        "feel": (
            "Una presión firme y cómoda en los músculos de la parte alta de la espalda, nunca "
            "un dolor agudo."
        ),
        "caution": (
            "Mantén el rodillo en la parte alta de la espalda, nunca bajo la zona lumbar ni "
            "bajo el cuello."
        ),
        "stop_if": STOP_ROLLER,
        "illustration_text": (
            "Una persona tumbada boca arriba con un rodillo de espuma bajo la parte alta de la "
            "espalda, rodillas dobladas, pies apoyados y brazos cruzados sobre el pecho, rueda "
            "un poco arriba y abajo empujando con los pies. El rodillo queda por encima de la "
            "zona lumbar."
        ),
    },
    "foam-roller-extension": {
        "name": "Rodillo: extensión de la parte alta de la espalda",
        "summary": "Deja que la parte alta de la espalda se arquee suavemente sobre el rodillo.",
        "starting_position": (
            "Siéntate en el suelo y recuéstate con el rodillo atravesado bajo la espalda, justo "
            "por debajo de los omóplatos. Glúteos en el suelo, rodillas dobladas, pies "
            "apoyados. Sujeta la cabeza con las manos, con los codos hacia delante."
        ),
        "instructions": steps(
            "Sin despegar los glúteos del suelo, deja que la parte alta de la espalda se "
            "arquee hacia atrás sobre el rodillo.",
            "Llega solo hasta donde te resulte cómodo, con la cabeza apoyada en las manos.",
            "Vuelve a subir despacio, enroscándote un poco hacia delante.",
        ),
        "breathing_cue": "Suelta el aire al arquearte hacia atrás; toma aire al volver a subir.",
        "feel": "Una suave apertura en el pecho y en la parte alta de la espalda.",
        "caution": (
            "El rodillo se queda bajo la parte alta de la espalda, nunca bajo la zona lumbar ni "
            "bajo el cuello. Mantén los glúteos en el suelo."
        ),
        "stop_if": STOP_ROLLER,
        "illustration_text": (
            "Una persona recostada sobre un rodillo de espuma colocado bajo la parte alta de la "
            "espalda, con los glúteos en el suelo y las manos detrás de la cabeza, deja que la "
            "parte alta de la espalda se arquee sobre el rodillo y luego vuelve a enroscarse "
            "un poco hacia delante."
        ),
    },
    "foam-roller-glutes": {
        "name": "Rodillo: glúteos y cadera",
        "summary": (
            "Siéntate sobre el rodillo para aflojar los músculos tensos de glúteos y cadera."
        ),
        "starting_position": (
            "Siéntate sobre un rodillo de espuma con las manos apoyadas en el suelo detrás de "
            "ti. Cruza un tobillo sobre la rodilla contraria."
        ),
        "instructions": steps(
            "Inclínate un poco hacia el lado de la pierna cruzada.",
            "Rueda despacio adelante y atrás sobre el glúteo, unos centímetros cada vez.",
            "Si encuentras un punto sensible, detente ahí y respira; mantén una presión suave.",
        ),
        "breathing_cue": "Suelta el aire al apoyarte sobre un punto sensible.",
        "feel": (
            "Una presión sorda que alivia en el glúteo, nunca un dolor agudo ni que se irradie."
        ),
        "caution": "Mantén una presión suave y deja que las manos soporten parte de tu peso.",
        "stop_if": STOP_ROLLER,
        "illustration_text": (
            "Una persona sentada sobre un rodillo de espuma, con las manos en el suelo detrás y "
            "un tobillo cruzado sobre la otra rodilla, rueda despacio unos centímetros adelante "
            "y atrás bajo el glúteo."
        ),
    },
    "pelvic-tilt": {
        "name": "Basculación pélvica",
        "summary": "Un pequeño balanceo de la pelvis que despierta suavemente la zona lumbar.",
        "starting_position": (
            "Túmbate boca arriba, con las rodillas dobladas y los pies apoyados, separados al "
            "ancho de la cadera."
        ),
        "instructions": steps(
            "Contrae suavemente el abdomen y pega la parte baja de la espalda al suelo, "
            "inclinando un poco la pelvis hacia arriba.",
            "Mantén un momento y luego relájate y vuelve al inicio.",
            "Deja los glúteos en el suelo; el movimiento es pequeño.",
        ),
        "breathing_cue": "Suelta el aire al pegar la espalda al suelo; toma aire al relajarte.",
        "feel": "El abdomen trabajando un poco y la zona lumbar presionando contra el suelo.",
        "caution": "Hazlo pequeño y fácil.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona tumbada boca arriba con las rodillas dobladas y los pies apoyados pega "
            "suavemente la parte baja de la espalda al suelo inclinando la pelvis, y luego se "
            "relaja."
        ),
    },
    "knee-rocks": {
        "name": "Balanceo de rodillas (rotación del tronco)",
        "summary": "Balancea las dos rodillas de lado a lado para soltar la zona lumbar.",
        "starting_position": (
            "Túmbate boca arriba, con las rodillas dobladas y juntas y los pies apoyados. "
            "Brazos abiertos a los lados."
        ),
        "instructions": steps(
            "Sin despegar los hombros del suelo, deja caer despacio las dos rodillas hacia un "
            "lado.",
            "Llega solo hasta donde te resulte cómodo; luego vuelve por el centro hacia el otro "
            "lado.",
            "Haz un movimiento fluido y sin prisa.",
        ),
        "breathing_cue": "Suelta el aire al bajar las rodillas; toma aire al volver.",
        "feel": "Una suave sensación de soltura en la zona lumbar y la cadera.",
        "caution": "Un balanceo suave, no un giro forzado.",
        "stop_if": STOP,
        "illustration_text": (
            "Vista desde arriba: una persona tumbada boca arriba con los brazos abiertos y las "
            "rodillas dobladas y juntas deja caer despacio las dos rodillas hacia un lado y "
            "luego hacia el otro, mientras los hombros siguen en el suelo."
        ),
    },
    "lying-twist": {
        "name": "Torsión tumbado",
        "summary": (
            "Apoya las dos rodillas a un lado para una torsión suave y más larga de la zona lumbar."
        ),
        "starting_position": (
            "Túmbate boca arriba, con las rodillas dobladas y juntas, los pies apoyados y los "
            "brazos abiertos a la altura de los hombros."
        ),
        "instructions": steps(
            "Deja bajar despacio las dos rodillas hacia un lado, solo hasta donde te resulte "
            "cómodo.",
            "Descansa ahí con los dos hombros en el suelo. Pon un cojín bajo las rodillas si no "
            "llegan al suelo.",
            "Sube las rodillas por el centro y bájalas hacia el otro lado.",
        ),
        "breathing_cue": (
            "Suelta el aire al bajar las rodillas; mientras descansas, respira despacio y deja "
            "que la espalda se relaje."
        ),
        "feel": "Un estiramiento en la zona lumbar, el costado de la cintura y la cadera.",
        "caution": "Deja que la gravedad haga el trabajo; nunca empujes las rodillas hacia abajo.",
        "stop_if": STOP,
        "illustration_text": (
            "Vista desde arriba: una persona tumbada boca arriba con los brazos abiertos baja "
            "las dos rodillas dobladas hacia un lado y descansa ahí; luego las sube por el "
            "centro."
        ),
    },
    "knee-hug": {
        "name": "Rodilla al pecho",
        "summary": "Abraza una rodilla hacia el pecho para aliviar la zona lumbar.",
        "starting_position": (
            "Túmbate boca arriba en una esterilla, con las rodillas dobladas y los pies "
            "apoyados. Apoya la cabeza en el suelo o en un cojín fino."
        ),
        "instructions": steps(
            "Sube una rodilla y sujétala con las dos manos, por detrás del muslo o justo "
            "debajo de la rodilla.",
            "Acércala suavemente al pecho hasta notar un estiramiento cómodo.",
            "Deja el otro pie en el suelo y la cabeza apoyada.",
            "Quédate así sin moverte; luego baja la pierna despacio y cambia de lado.",
        ),
        "breathing_cue": (
            "Suelta el aire al acercar la rodilla; respira despacio mientras mantienes."
        ),
        "feel": "Un estiramiento suave en la zona lumbar y en el glúteo de la pierna levantada.",
        "caution": (
            "Sujeta por detrás del muslo si sujetar por debajo de la rodilla te molesta en la "
            "rodilla."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Una persona tumbada boca arriba con las rodillas dobladas sube una rodilla, la "
            "sujeta con las dos manos y la acerca al pecho, mantiene y luego baja el pie al "
            "suelo."
        ),
    },
    "knee-to-chest-cross-leg": {
        "name": "Rodilla al pecho con pierna cruzada",
        "summary": "Un estiramiento tumbado para el glúteo y la zona lumbar, un lado cada vez.",
        "starting_position": (
            "Túmbate boca arriba en una esterilla, con las rodillas dobladas y los pies "
            "apoyados. Apoya la cabeza en el suelo o en un cojín fino."
        ),
        "instructions": steps(
            "Cruza un tobillo sobre la rodilla contraria.",
            "Sujeta con las dos manos la parte de atrás del muslo de abajo y acerca suavemente "
            "esa rodilla al pecho hasta notar un estiramiento en el glúteo y la zona lumbar.",
            "Mantén la postura sin rebotes, con la cabeza y los hombros relajados en el suelo.",
            "Baja despacio y cambia de lado.",
        ),
        "breathing_cue": "Respira despacio; avanza un poco más solo al soltar el aire.",
        "feel": (
            "Un estiramiento profundo en el glúteo de la pierna cruzada, y quizá en la zona lumbar."
        ),
        "caution": "Solo un estiramiento suave, nunca dolor.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona tumbada boca arriba con un tobillo cruzado sobre la otra rodilla "
            "sujeta la parte de atrás del muslo de abajo con las dos manos y lo acerca al "
            "pecho, mantiene y luego lo baja."
        ),
    },
    "glute-bridge": {
        "name": "Puente de glúteos",
        "summary": "Eleva la cadera para fortalecer los glúteos, que sostienen tu espalda.",
        "starting_position": (
            "Túmbate boca arriba, con las rodillas dobladas y los pies apoyados, separados al "
            "ancho de la cadera."
        ),
        "instructions": steps(
            "Aprieta los glúteos y eleva la cadera hasta que el cuerpo forme una línea de los "
            "hombros a las rodillas.",
            "Detente un momento arriba sin arquear la zona lumbar.",
            "Baja despacio, vértebra a vértebra.",
        ),
        "breathing_cue": "Suelta el aire al subir; toma aire al bajar.",
        "feel": "Los glúteos y la parte de atrás de los muslos trabajando, no la zona lumbar.",
        "caution": "Sube solo hasta donde te resulte fácil.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona tumbada boca arriba con las rodillas dobladas eleva la cadera hasta "
            "que el cuerpo forma una línea recta de los hombros a las rodillas, se detiene y "
            "baja despacio."
        ),
    },
    "single-leg-bridge": {
        "name": "Puente a una pierna",
        "summary": (
            "Un puente con una pierna estirada, para cuando el puente de glúteos te resulte fácil."
        ),
        "starting_position": (
            "Túmbate boca arriba, con las rodillas dobladas y los pies apoyados, separados al "
            "ancho de la cadera."
        ),
        "instructions": steps(
            "Eleva la cadera en puente, como en el puente de glúteos.",
            "Con la cadera nivelada, estira despacio una rodilla hasta que esa pierna quede en "
            "línea con el muslo.",
            "Mantén una respiración, vuelve a apoyar el pie y baja la cadera despacio.",
            "Haz todas las repeticiones de un lado y luego las del otro.",
        ),
        "breathing_cue": "Suelta el aire al subir y estirar; toma aire al bajar.",
        "feel": "El glúteo y la parte de atrás del muslo de la pierna de apoyo trabajando a fondo.",
        "caution": (
            "Pruébalo solo cuando el puente de glúteos te resulte fácil. Si la cadera cae o se "
            "gira, bájala y vuelve al puente de glúteos."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Una persona tumbada boca arriba eleva la cadera en puente, estira una pierna en "
            "línea con el muslo mientras la cadera sigue nivelada, y luego apoya el pie y baja."
        ),
    },
    "heel-slides": {
        "name": "Deslizamiento de talones",
        "summary": (
            "Desliza un talón hacia delante y atrás mientras la zona lumbar se mantiene quieta."
        ),
        "starting_position": (
            "Túmbate boca arriba, con las rodillas dobladas y los pies apoyados, separados al "
            "ancho de la cadera."
        ),
        "instructions": steps(
            "Mete suavemente la parte baja del abdomen, como si te subieras la cremallera de un "
            "pantalón ajustado, y sigue respirando.",
            "Desliza despacio un talón por el suelo hasta que esa pierna quede casi estirada, "
            "sin mover la zona lumbar.",
            "Vuelve a deslizarlo hacia ti y haz lo mismo con la otra pierna.",
        ),
        "breathing_cue": "Suelta el aire al alejar el talón; toma aire al traerlo de vuelta.",
        "feel": "La parte baja del abdomen trabajando un poco para mantener la espalda quieta.",
        "caution": "Si la espalda se arquea o la pelvis se balancea, acorta el deslizamiento.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona tumbada boca arriba con las rodillas dobladas desliza despacio un "
            "talón por el suelo hasta que la pierna queda casi estirada y luego lo vuelve a "
            "deslizar hacia sí."
        ),
    },
    "dead-bug": {
        "name": "Bicho muerto (dead bug)",
        "summary": "Estira un brazo y la pierna contraria mientras la espalda se mantiene estable.",
        "starting_position": (
            "Túmbate boca arriba. Sube las rodillas por encima de la cadera, dobladas, con las "
            "espinillas paralelas al suelo, y estira los dos brazos hacia el techo."
        ),
        "instructions": steps(
            "Contrae suavemente el abdomen para que la zona lumbar se quede cerca del suelo.",
            "Baja despacio un brazo por encima de la cabeza y estira la pierna contraria hacia "
            "el suelo, solo hasta donde la espalda siga quieta.",
            "Vuelve al centro y haz lo mismo con el otro brazo y la otra pierna.",
        ),
        "breathing_cue": "Suelta el aire al estirarte; toma aire al volver.",
        "feel": "El abdomen trabajando para mantener estable la zona lumbar.",
        "caution": (
            "Al principio, estira poco. Si la zona lumbar se despega del suelo, no llegues tan "
            "lejos; si te cuesta mantener las piernas arriba, deja un pie en el suelo."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Una persona tumbada boca arriba con las rodillas sobre la cadera y los brazos "
            "hacia arriba baja despacio un brazo por encima de la cabeza mientras estira la "
            "pierna contraria, y vuelve al centro."
        ),
    },
    "sphinx": {
        "name": "Esfinge (boca abajo)",
        "summary": "Apóyate en los antebrazos para arquear suavemente la zona lumbar.",
        "starting_position": (
            "Túmbate boca abajo en una esterilla, con las piernas estiradas y relajadas y la "
            "frente apoyada en las manos."
        ),
        "instructions": steps(
            "Coloca los codos bajo los hombros y eleva el pecho, apoyándote en los antebrazos.",
            "Deja la cadera y las piernas relajadas en el suelo.",
            "Quédate unas cuantas respiraciones y luego baja despacio.",
        ),
        "breathing_cue": "Respira despacio y deja que el abdomen se relaje hacia el suelo.",
        "feel": "Un arco suave en la zona lumbar; al principio puede notarse rígida.",
        "caution": (
            "A algunas personas les resulta incómodo doblarse hacia atrás. Si esto hace que tu "
            "espalda esté peor, sáltatelo."
        ),
        "stop_if": STOP_BENDING_BACK,
        "illustration_text": (
            "Una persona tumbada boca abajo eleva el pecho apoyándose en los antebrazos, con "
            "los codos bajo los hombros y la cadera en el suelo, descansa ahí y luego baja."
        ),
    },
    "cat-cow": {
        "name": "Gato–vaca",
        "summary": (
            "Redondear y arquear la columna a cuatro patas, despacio y al ritmo de la respiración."
        ),
        "starting_position": (
            "A cuatro patas: manos bajo los hombros, rodillas bajo la cadera, espalda plana. "
            "Si lo necesitas, pon una toalla doblada bajo las rodillas."
        ),
        "instructions": steps(
            "Vaca: al tomar aire, deja caer el abdomen hacia el suelo para que la espalda se "
            "arquee suavemente, y levanta la mirada.",
            "Gato: al soltar el aire, redondea la columna hacia el techo y lleva la barbilla "
            "hacia el pecho.",
            "Pasa despacio de una a otra, solo hasta donde te resulte cómodo.",
        ),
        "breathing_cue": (
            "Toma aire en la vaca (la espalda se arquea), suéltalo en el gato (la espalda se "
            "redondea)."
        ),
        "feel": "Toda la espalda moviéndose suavemente, del coxis al cuello.",
        "caution": "Si notas un pinchazo, haz el movimiento más pequeño.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona a cuatro patas toma aire y deja caer el abdomen para que la espalda se "
            "arquee y la mirada se eleve (vaca); luego suelta el aire y redondea la espalda "
            "hacia el techo con la barbilla recogida (gato)."
        ),
    },
    "rock-back": {
        "name": "Balanceo a cuatro patas",
        "summary": "Lleva la cadera hacia los talones y vuelve hacia delante.",
        "starting_position": (
            "A cuatro patas: manos bajo los hombros, rodillas bajo la cadera, espalda larga y "
            "plana."
        ),
        "instructions": steps(
            "Con la espalda larga, lleva despacio la cadera hacia los talones.",
            "Llega solo hasta donde te resulte cómodo y vuelve hacia delante hasta que los "
            "hombros queden sobre las manos.",
        ),
        "breathing_cue": "Suelta el aire al ir hacia atrás; toma aire al volver hacia delante.",
        "feel": "Un estiramiento suave en la zona lumbar y la cadera.",
        "caution": "Pon una toalla doblada bajo las rodillas si te molestan.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona a cuatro patas lleva despacio la cadera hacia los talones, con los "
            "brazos estirados, y luego vuelve hacia delante hasta que los hombros quedan sobre "
            "las manos."
        ),
    },
    "childs-pose": {
        "name": "Postura del niño",
        "summary": "Un estiramiento de descanso para la espalda, la cadera y los hombros.",
        "starting_position": (
            "Arrodíllate en una esterilla con los dedos gordos de los pies juntos y las "
            "rodillas separadas."
        ),
        "instructions": steps(
            "Lleva la cadera hacia los talones.",
            "Avanza las manos hacia delante y baja el pecho hacia el suelo.",
            "Apoya la frente en la esterilla o en un cojín y deja que la espalda se relaje.",
        ),
        "breathing_cue": "Lleva el aire hacia la zona lumbar y nota cómo se ensancha.",
        "feel": (
            "Un estiramiento suave a lo largo de la espalda y la cadera, y la espalda "
            "ensanchándose al respirar."
        ),
        "caution": "Pon un cojín entre la cadera y los talones si te molestan las rodillas.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona arrodillada lleva la cadera hacia los talones y baja el pecho con los "
            "brazos estirados hacia delante y la frente en la esterilla, y descansa ahí "
            "respirando despacio."
        ),
    },
    "leg-reach": {
        "name": "Extensión de pierna a cuatro patas",
        "summary": "Desliza una pierna hacia atrás con la espalda nivelada.",
        "starting_position": (
            "A cuatro patas: manos bajo los hombros, rodillas bajo la cadera, espalda plana y "
            "abdomen suavemente recogido."
        ),
        "instructions": steps(
            "Desliza una pierna estirada hacia atrás por el suelo, con los dedos tocando la "
            "esterilla y la espalda nivelada.",
            "Si te resulta fácil, eleva la pierna a la altura de la cadera, no más.",
            "Vuelve a traerla debajo de ti y cambia de pierna.",
        ),
        "breathing_cue": "Suelta el aire al estirar la pierna hacia atrás; toma aire al volver.",
        "feel": "El glúteo y los músculos de la espalda trabajando para mantenerte nivelado.",
        "caution": (
            "Mantén la cadera nivelada y que la espalda no se hunda; no subas la pierna más "
            "alto que la cadera."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Una persona a cuatro patas desliza una pierna estirada hacia atrás por el suelo y "
            "la eleva a la altura de la cadera, con la espalda nivelada; luego la vuelve a "
            "traer bajo la cadera."
        ),
    },
    "bird-dog": {
        "name": "Perro de caza (bird dog)",
        "summary": (
            "Estira un brazo hacia delante y la pierna contraria hacia atrás, con estabilidad."
        ),
        "starting_position": (
            "A cuatro patas: manos bajo los hombros, rodillas bajo la cadera, espalda plana y "
            "abdomen suavemente recogido."
        ),
        "instructions": steps(
            "Estira un brazo hacia delante y la pierna contraria hacia atrás hasta que los dos "
            "queden en línea con el cuerpo.",
            "Mantén la espalda nivelada y la cadera paralela al suelo; aguanta una respiración.",
            "Vuelve al inicio y cambia de lado.",
        ),
        "breathing_cue": "Suelta el aire al estirarte; toma aire al volver.",
        "feel": "Los glúteos, los hombros y los músculos de la columna trabajando juntos.",
        "caution": (
            "Muévete despacio; si te tambaleas, no estires tanto. Mantén la mirada en el suelo."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Una persona a cuatro patas estira un brazo hacia delante y la pierna contraria "
            "hacia atrás hasta que ambos quedan en línea con la espalda, mantiene y vuelve a "
            "cuatro patas."
        ),
    },
    "seated-twist": {
        "name": "Torsión sentado",
        "summary": "Un giro suave de la columna que puedes hacer en cualquier silla.",
        "starting_position": (
            "Siéntate erguido hacia el borde de una silla estable, con los pies apoyados."
        ),
        "instructions": steps(
            "Pon una mano por fuera de la rodilla contraria y la otra en la silla.",
            "Siéntate erguido y gira despacio la parte superior del cuerpo hacia la mano que "
            "está en la silla.",
            "Mantén con suavidad, vuelve al centro y gira hacia el otro lado.",
        ),
        "breathing_cue": "Crece al tomar aire; gira un poco al soltarlo.",
        "feel": "Un giro suave en la zona media de la espalda.",
        "caution": "Gira solo hasta donde te resulte fácil; nunca tires de la rodilla.",
        "stop_if": STOP,
        "illustration_text": (
            "Vista de frente: una persona sentada erguida en una silla, con una mano por fuera "
            "de la rodilla contraria, gira despacio los hombros y la cabeza hacia un lado "
            "mientras las rodillas siguen mirando al frente, y vuelve al centro."
        ),
    },
    "seated-cat-cow": {
        "name": "Gato–vaca sentado",
        "summary": (
            "Gato–vaca en una silla: arquea y redondea la espalda al ritmo de la respiración."
        ),
        "starting_position": (
            "Siéntate erguido cerca del borde de una silla estable, con los pies apoyados y "
            "las manos sobre los muslos."
        ),
        "instructions": steps(
            "Vaca: al tomar aire, lleva la pelvis hacia delante para que la zona lumbar se "
            "arquee suavemente, y eleva el pecho y la mirada.",
            "Gato: al soltar el aire, lleva la pelvis hacia atrás, redondea la espalda y "
            "recoge la barbilla.",
            "Pasa despacio de una a otra.",
        ),
        "breathing_cue": (
            "Toma aire en la vaca (el pecho sube, la espalda se arquea), suéltalo en el gato "
            "(la espalda se redondea)."
        ),
        "feel": "Toda la espalda moviéndose suavemente, desde la pelvis hacia arriba.",
        "caution": "Si notas un pinchazo, haz el movimiento más pequeño.",
        "stop_if": STOP,
        "illustration_text": (
            "Una persona sentada en una silla con las manos sobre los muslos toma aire para "
            "arquear la espalda y elevar el pecho y la mirada (vaca), y luego suelta el aire "
            "para redondear la espalda y recoger la barbilla (gato)."
        ),
    },
    "seated-forward-bend": {
        "name": "Flexión hacia delante sentado",
        "summary": "Deja que la parte superior del cuerpo se doble suavemente sobre las rodillas.",
        "starting_position": (
            "Siéntate en una silla estable, con los pies apoyados un poco más separados que la "
            "cadera y las manos sobre las rodillas."
        ),
        "instructions": steps(
            "Baja despacio el pecho hacia los muslos, deslizando las manos por las espinillas.",
            "Deja colgar la cabeza y los brazos y que la espalda se redondee.",
            "Para subir, pon las manos sobre los muslos y empújate despacio hacia arriba.",
        ),
        "breathing_cue": (
            "Suelta el aire al doblarte; mientras descansas, respira despacio hacia la espalda."
        ),
        "feel": "Un estiramiento suave a lo largo de la espalda.",
        "caution": "Sube despacio y quédate sentado un momento si te mareas.",
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Una persona sentada en una silla se dobla despacio hacia delante, deslizando las "
            "manos por las espinillas y con la cabeza colgando, descansa ahí y luego se empuja "
            "con las manos para sentarse erguida."
        ),
    },
    "seated-figure-four": {
        "name": "Estiramiento sentado con pierna cruzada",
        "summary": (
            "Apoya un tobillo sobre la otra rodilla e inclínate hacia delante para estirar la "
            "cadera."
        ),
        "starting_position": (
            "Siéntate erguido en una silla estable, con los pies apoyados. Apoya un tobillo "
            "sobre la rodilla contraria."
        ),
        "instructions": steps(
            "Siéntate erguido y apoya una mano con suavidad sobre la rodilla cruzada.",
            "Con la espalda larga, inclínate despacio hacia delante desde la cadera hasta "
            "notar un estiramiento en el glúteo de la pierna cruzada.",
            "Mantén sin rebotes, vuelve a sentarte erguido y cambia de lado.",
        ),
        "breathing_cue": "Suelta el aire al inclinarte; respira despacio mientras mantienes.",
        "feel": "Un estiramiento profundo en el glúteo y la cadera de la pierna cruzada.",
        "caution": (
            "Si el tobillo no llega a apoyarse en la rodilla, apóyalo en la espinilla. Nunca "
            "presiones la rodilla hacia abajo."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Una persona sentada en una silla con un tobillo apoyado sobre la otra rodilla se "
            "inclina despacio hacia delante desde la cadera con la espalda larga, mantiene y "
            "vuelve a sentarse erguida."
        ),
    },
    "seated-knee-hug": {
        "name": "Rodilla al pecho sentado",
        "summary": "Abraza una rodilla hacia el pecho sin tener que bajar al suelo.",
        "starting_position": "Siéntate erguido en una silla estable, con los pies apoyados.",
        "instructions": steps(
            "Sube una rodilla y sujétala con las dos manos, justo debajo de la rodilla o por "
            "detrás del muslo.",
            "Acércala suavemente al pecho sin dejar de estar erguido.",
            "Mantén, baja el pie despacio y cambia de lado.",
        ),
        "breathing_cue": (
            "Suelta el aire al acercar la rodilla; respira despacio mientras mantienes."
        ),
        "feel": (
            "Un estiramiento suave en el glúteo y la zona lumbar del lado de la pierna levantada."
        ),
        "caution": (
            "Mantén el otro pie bien apoyado en el suelo; agárrate a la silla si pierdes el "
            "equilibrio."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Una persona sentada erguida en una silla sube una rodilla, la sujeta con las dos "
            "manos y la acerca al pecho, mantiene y luego baja el pie al suelo."
        ),
    },
    "sit-to-stand": {
        "name": "Levantarse de la silla",
        "summary": "Levántate de una silla y vuelve a sentarte, despacio y con control.",
        "starting_position": (
            "Siéntate cerca del borde de una silla estable que no pueda deslizarse, con los "
            "pies apoyados, separados al ancho de la cadera y un poco por detrás de las "
            "rodillas."
        ),
        "instructions": steps(
            "Inclínate hacia delante desde la cadera con la espalda larga y empuja con los pies "
            "para ponerte de pie.",
            "Quédate de pie y erguido un momento.",
            "Vuelve a sentarte despacio, doblando la cadera y las rodillas y llevando los "
            "glúteos hacia atrás, hacia la silla.",
            "Apoya las manos en los muslos o en los reposabrazos si lo necesitas.",
        ),
        "breathing_cue": "Suelta el aire al levantarte; toma aire al sentarte.",
        "feel": "Los muslos y los glúteos trabajando.",
        "caution": "Usa una silla que no pueda deslizarse, y las manos si las necesitas.",
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Una persona sentada en una silla se inclina hacia delante desde la cadera, se "
            "pone de pie y erguida, y vuelve a sentarse despacio."
        ),
    },
    "standing-back-bend": {
        "name": "Extensión hacia atrás de pie",
        "summary": (
            "Una pequeña y suave inclinación hacia atrás, de pie, con las manos en la cadera."
        ),
        "starting_position": (
            "De pie y erguido, con los pies separados al ancho de la cadera y las manos en la "
            "parte de atrás de la cadera, con los dedos hacia abajo."
        ),
        "instructions": steps(
            "Con las rodillas sin bloquear, inclínate suavemente hacia atrás desde la cintura, "
            "mirando un poco hacia arriba.",
            "Llega solo un poco, hasta donde te resulte cómodo, y detente un segundo.",
            "Vuelve a quedarte de pie y erguido.",
        ),
        "breathing_cue": "Toma aire al inclinarte hacia atrás; suéltalo al volver.",
        "feel": "Un arco suave en la zona lumbar.",
        "caution": (
            "Hazlo pequeño. A algunas personas les resulta incómodo doblarse hacia atrás; si "
            "hace que tu espalda esté peor, sáltatelo."
        ),
        "stop_if": (
            "Para si el dolor aumenta o se extiende a la nalga o a la pierna, o si notas "
            "entumecimiento, hormigueo o debilidad. Para también si te mareas."
        ),
        "illustration_text": (
            "Una persona de pie con las manos en la parte de atrás de la cadera se inclina un "
            "poco hacia atrás desde la cintura mirando ligeramente hacia arriba, y vuelve a "
            "quedarse erguida."
        ),
    },
    "standing-cat-cow": {
        "name": "Gato–vaca de pie",
        "summary": "Gato–vaca de pie, con las manos sobre los muslos.",
        "starting_position": (
            "De pie, con los pies separados al ancho de la cadera y las rodillas sin bloquear, "
            "inclínate un poco hacia delante con las manos sobre los muslos, justo por encima "
            "de las rodillas."
        ),
        "instructions": steps(
            "Vaca: al tomar aire, lleva el coxis hacia atrás para que la espalda se arquee "
            "suavemente, y eleva el pecho y la mirada.",
            "Gato: al soltar el aire, mete el coxis, redondea la espalda y recoge la barbilla.",
            "Pasa despacio de una a otra.",
        ),
        "breathing_cue": (
            "Toma aire en la vaca (la espalda se arquea), suéltalo en el gato (la espalda se "
            "redondea)."
        ),
        "feel": "La espalda moviéndose suavemente del coxis al cuello.",
        "caution": (
            "Si notas un pinchazo, haz el movimiento más pequeño, y no bloquees las rodillas."
        ),
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Una persona de pie, inclinada hacia delante con las manos sobre los muslos, toma "
            "aire para arquear la espalda y elevar la mirada (vaca), y luego suelta el aire "
            "para redondear la espalda y recoger la barbilla (gato)."
        ),
    },
    "standing-side-bend": {
        "name": "Inclinación lateral de pie",
        "summary": "Desliza una mano por el costado de la pierna para estirar la cintura.",
        "starting_position": (
            "De pie y erguido, con los pies separados al ancho de la cadera y los brazos a los "
            "lados."
        ),
        "instructions": steps(
            "Desliza despacio una mano por el costado de la pierna, inclinándote hacia ese lado.",
            "Mantén los dos pies apoyados y no te inclines hacia delante ni hacia atrás.",
            "Vuelve a erguirte y inclínate hacia el otro lado.",
        ),
        "breathing_cue": "Suelta el aire al inclinarte; toma aire al volver.",
        "feel": "Un estiramiento en el otro costado de la cintura y de la espalda.",
        "caution": "Inclínate solo hasta donde te resulte cómodo y mantén la cadera quieta.",
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Vista de frente: una persona de pie y erguida desliza una mano por el costado de "
            "la pierna, inclinándose hacia ese lado; luego vuelve a erguirse y se inclina "
            "hacia el otro lado."
        ),
    },
    "hip-hinge": {
        "name": "Bisagra de cadera",
        "summary": (
            "Inclínate hacia delante desde la cadera con la espalda larga y vuelve a erguirte."
        ),
        "starting_position": (
            "De pie y erguido, con los pies separados al ancho de la cadera, las rodillas sin "
            "bloquear y las manos en la cadera."
        ),
        "instructions": steps(
            "Lleva la cadera hacia atrás y deja que el pecho se incline hacia delante, con la "
            "espalda larga y recta.",
            "Llega solo hasta donde la espalda siga recta, con las rodillas un poco dobladas.",
            "Aprieta los glúteos y lleva la cadera hacia delante para volver a quedarte erguido.",
        ),
        "breathing_cue": "Toma aire al inclinarte hacia delante; suéltalo al incorporarte.",
        "feel": (
            "La parte de atrás de los muslos estirándose, y los glúteos trabajando al incorporarte."
        ),
        "caution": "Dobla un poco más las rodillas si la espalda empieza a redondearse.",
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Una persona de pie con las manos en la cadera lleva la cadera hacia atrás e "
            "inclina el pecho hacia delante con la espalda recta y las rodillas sin bloquear, "
            "y vuelve a quedarse erguida."
        ),
    },
    "standing-knee-lifts": {
        "name": "Elevación de rodillas de pie",
        "summary": (
            "Sube una rodilla y luego la otra, apoyándote en una silla para no perder el "
            "equilibrio."
        ),
        "starting_position": (
            "De pie y erguido junto a una silla estable o una encimera, con una mano apoyada "
            "en ella para mantener el equilibrio."
        ),
        "instructions": steps(
            "Sube despacio una rodilla hacia la altura de la cadera, o hasta donde te resulte "
            "cómodo, con la espalda erguida.",
            "Bájala con control y sube la otra rodilla.",
            "Sigue a un ritmo tranquilo y constante.",
        ),
        "breathing_cue": "Respira de forma tranquila y constante; nunca contengas la respiración.",
        "feel": "La cadera y el abdomen trabajando, y tu equilibrio.",
        "caution": (
            "Agárrate para mantener el equilibrio, y sube menos la rodilla si la espalda se "
            "inclina hacia atrás."
        ),
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Una persona de pie y erguida, agarrada con una mano al respaldo de una silla, sube "
            "despacio una rodilla hacia la altura de la cadera, la baja y luego sube la otra."
        ),
    },
}

ROUTINES = {
    "morning-mobility": {
        "title": "Movilidad matinal",
        "summary": "Despierta con suavidad una espalda rígida antes de empezar el día.",
        "when_to_use": "Por la mañana, en una esterilla junto a la cama",
    },
    "quick-reset": {
        "title": "Pausa de tres minutos",
        "summary": "Un ejercicio rápido de pie para soltar la espalda cuando la notes rígida.",
        "when_to_use": "En cualquier sitio, de pie, sin material",
    },
    "desk-break": {
        "title": "Pausa en el escritorio",
        "summary": (
            "Unos minutos para contrarrestar el estar mucho tiempo sentado: empieza en la "
            "silla y termina en el suelo."
        ),
        "when_to_use": "Durante la jornada, junto a tu escritorio",
    },
    "long-sitting": {
        "title": "Después de estar mucho tiempo sentado",
        "summary": (
            "Suelta una espalda que ha pasado demasiado tiempo sentada, sin levantarte de la silla."
        ),
        "when_to_use": "En el escritorio, en el aparcamiento, en el tren: solo necesitas una silla",
    },
    "standing-only": {
        "title": "Solo de pie",
        "summary": "Todo de pie, para los días en que bajar al suelo cuesta.",
        "when_to_use": "De pie, con una silla o una encimera donde apoyarte",
    },
    "evening-release": {
        "title": "Relajación de tarde",
        "summary": "Suelta la tensión del día en la espalda y la cadera antes de acostarte.",
        "when_to_use": "Por la tarde o la noche, con un rodillo de espuma y una esterilla",
    },
    "lying-wind-down": {
        "title": "Relajación tumbado",
        "summary": (
            "Estiramientos lentos y suaves que puedes hacer boca arriba, incluso en una cama firme."
        ),
        "when_to_use": "Al acostarte, o un día en que tu espalda pida descanso",
    },
    "gentle-strength": {
        "title": "Fuerza suave",
        "summary": "Despierta los músculos que sostienen tu espalda, con calma y constancia.",
        "when_to_use": "En una esterilla, unas cuantas veces por semana",
    },
    "roller-release": {
        "title": "Rodillo: espalda y cadera",
        "summary": (
            "Suelta la parte alta de la espalda y la cadera con un rodillo de espuma y luego "
            "estira."
        ),
        "when_to_use": "Con un rodillo de espuma y una esterilla, después de un día largo",
    },
    "stronger-back": {
        "title": "Espalda más fuerte",
        "summary": "Un paso más que la fuerza suave, para cuando esta te resulte fácil.",
        "when_to_use": "En una esterilla, cuando la fuerza suave ya te resulte fácil",
    },
}
