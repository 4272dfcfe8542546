"""The routine library in German (du), field by field, by slug: see routines/content.py.

Loaded by data migrations (routines/library.py) into the `_de` columns; a text missing
here shows in English (`manage.py missing_translations` lists it)."""


def steps(*lines: str) -> str:
    return "\n".join(lines)


STOP = (
    "Hör auf, wenn es wehtut, wenn der Schmerz ins Bein ausstrahlt "
    "oder wenn du Taubheit, Kribbeln oder Schwäche spürst."
)
STOP_STANDING = (
    "Hör auf, wenn es wehtut, wenn dir schwindlig wird oder du unsicher stehst, wenn der "
    "Schmerz ins Bein ausstrahlt oder wenn du Taubheit, Kribbeln oder Schwäche spürst."
)
STOP_BENDING_BACK = (
    "Hör auf, wenn der Schmerz stärker wird oder in Gesäß oder Bein ausstrahlt "
    "oder wenn du Taubheit, Kribbeln oder Schwäche spürst."
)
STOP_ROLLER = (
    "Hör auf, wenn du einen stechenden Schmerz spürst, wenn der Schmerz ins Bein ausstrahlt "
    "oder wenn du Taubheit, Kribbeln oder Schwäche spürst."
)

EXERCISES = {
    "foam-roller-upper-back": {
        "name": "Faszienrolle: oberer Rücken",
        "summary": "Sanftes Rollen des mittleren und oberen Rückens, das Becken bleibt am Boden.",
        "starting_position": (
            "Leg dich auf den Rücken, die Faszienrolle quer unter dem Rücken, knapp unterhalb "
            "der Schulterblätter. Knie gebeugt, Füße flach, das Becken liegt auf dem Boden. "
            "Verschränke die Arme vor der Brust."
        ),
        "instructions": steps(
            "Heb das Becken nur leicht an oder lass es liegen, wenn das angenehmer ist.",
            "Drück dich sanft mit den Füßen ab und roll ein paar Zentimeter am mittleren und "
            "oberen Rücken auf und ab.",
            "Die Rolle bleibt oberhalb des unteren Rückens: roll nicht über die Lendenwirbelsäule.",
            "Beweg dich langsam und halte den Druck angenehm.",
        ),
        "breathing_cue": (
            "Atme langsam und gleichmäßig; lass den Rücken bei jedem Ausatmen weicher werden."
        ),
        "feel": (
            "Fester, angenehmer Druck auf die Muskeln des oberen Rückens, nie ein stechender "
            "Schmerz."
        ),
        "caution": (
            "Die Rolle bleibt am oberen Rücken, nie unter dem unteren Rücken oder dem Nacken."
        ),
        "stop_if": STOP_ROLLER,
        "illustration_text": (
            "Eine Person liegt auf dem Rücken, eine Faszienrolle unter dem oberen Rücken, Knie "
            "gebeugt, Füße flach und Arme vor der Brust verschränkt, und rollt sich mit den "
            "Füßen ein wenig auf und ab. Die Rolle bleibt oberhalb des unteren Rückens."
        ),
    },
    "foam-roller-extension": {
        "name": "Faszienrolle: oberen Rücken strecken",
        "summary": "Lass den oberen Rücken sanft nach hinten über die Rolle sinken.",
        "starting_position": (
            "Setz dich auf den Boden und leg dich zurück, die Rolle quer unter dem Rücken, "
            "knapp unterhalb der Schulterblätter. Gesäß am Boden, Knie gebeugt, Füße flach. "
            "Stütz den Kopf mit den Händen, die Ellbogen zeigen nach vorn."
        ),
        "instructions": steps(
            "Das Gesäß bleibt am Boden; lass den oberen Rücken nach hinten über die Rolle sinken.",
            "Geh nur so weit, wie es angenehm ist, der Kopf ruht in den Händen.",
            "Komm langsam wieder hoch und roll dich dabei ein wenig nach vorn ein.",
        ),
        "breathing_cue": "Atme aus, während du nach hinten sinkst; atme ein, wenn du hochkommst.",
        "feel": "Eine sanfte Öffnung über Brust und oberem Rücken.",
        "caution": (
            "Die Rolle bleibt unter dem oberen Rücken, nie unter dem unteren Rücken oder dem "
            "Nacken. Das Gesäß bleibt am Boden."
        ),
        "stop_if": STOP_ROLLER,
        "illustration_text": (
            "Eine Person liegt zurückgelehnt über einer Faszienrolle unter dem oberen Rücken, "
            "Gesäß am Boden und Hände hinter dem Kopf, lässt den oberen Rücken über die Rolle "
            "sinken und rollt sich dann wieder ein wenig nach vorn ein."
        ),
    },
    "foam-roller-glutes": {
        "name": "Faszienrolle: Gesäß und Hüfte",
        "summary": "Setz dich auf die Rolle, um verspannte Gesäß- und Hüftmuskeln zu lockern.",
        "starting_position": (
            "Setz dich auf eine Faszienrolle und stütz dich mit den Händen hinter dir am Boden "
            "ab. Leg einen Knöchel auf das gegenüberliegende Knie."
        ),
        "instructions": steps(
            "Neig dich ein wenig zur Seite des überkreuzten Beins.",
            "Roll langsam vor und zurück über den Gesäßmuskel, jeweils ein paar Zentimeter.",
            "Findest du eine empfindliche Stelle, bleib dort und atme; halte den Druck sanft.",
        ),
        "breathing_cue": "Atme aus, während du dich auf eine empfindliche Stelle sinken lässt.",
        "feel": (
            "Ein dumpfer, lösender Druck im Gesäßmuskel, nie ein stechender oder einschießender "
            "Schmerz."
        ),
        "caution": "Halte den Druck sanft und lass die Hände einen Teil deines Gewichts tragen.",
        "stop_if": STOP_ROLLER,
        "illustration_text": (
            "Eine Person sitzt auf einer Faszienrolle, die Hände hinter sich am Boden und einen "
            "Knöchel auf dem anderen Knie, und rollt langsam ein paar Zentimeter unter dem "
            "Gesäß vor und zurück."
        ),
    },
    "pelvic-tilt": {
        "name": "Beckenkippen",
        "summary": "Ein kleines Kippen des Beckens, das den unteren Rücken sanft weckt.",
        "starting_position": (
            "Leg dich auf den Rücken, Knie gebeugt, Füße flach und hüftbreit auseinander."
        ),
        "instructions": steps(
            "Spann sanft den Bauch an und drück den unteren Rücken flach auf den Boden, "
            "indem du das Becken ein wenig nach oben kippst.",
            "Halte kurz und entspann dich dann zurück in die Ausgangsposition.",
            "Das Gesäß bleibt am Boden; die Bewegung ist klein.",
        ),
        "breathing_cue": (
            "Atme aus, während du den Rücken flach machst; atme ein, während du dich entspannst."
        ),
        "feel": "Deine Bauchmuskeln arbeiten leicht, und der untere Rücken drückt in den Boden.",
        "caution": "Halte die Bewegung klein und leicht.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person liegt mit gebeugten Knien und flachen Füßen auf dem Rücken, drückt "
            "den unteren Rücken durch Kippen des Beckens sanft auf den Boden und entspannt "
            "sich dann."
        ),
    },
    "knee-rocks": {
        "name": "Knie pendeln (Rumpfrotation)",
        "summary": (
            "Lass beide Knie sanft von Seite zu Seite pendeln, um den unteren Rücken zu lockern."
        ),
        "starting_position": (
            "Leg dich auf den Rücken, Knie gebeugt und geschlossen, Füße flach. Arme seitlich "
            "ausgestreckt."
        ),
        "instructions": steps(
            "Die Schultern bleiben am Boden; lass beide Knie langsam zu einer Seite sinken.",
            "Geh nur so weit, wie es angenehm ist, und führ sie dann über die Mitte zur "
            "anderen Seite.",
            "Beweg dich fließend und ohne Eile.",
        ),
        "breathing_cue": "Atme aus, während die Knie sinken; atme ein, wenn sie zurückkommen.",
        "feel": "Eine sanfte Lockerung rund um den unteren Rücken und die Hüfte.",
        "caution": "Ein sanftes Pendeln, keine erzwungene Drehung.",
        "stop_if": STOP,
        "illustration_text": (
            "Von oben gesehen: Eine Person liegt mit seitlich ausgestreckten Armen und "
            "geschlossenen, gebeugten Knien auf dem Rücken und lässt beide Knie langsam zur "
            "einen und dann zur anderen Seite sinken, während die Schultern am Boden bleiben."
        ),
    },
    "lying-twist": {
        "name": "Drehung im Liegen",
        "summary": (
            "Leg beide Knie zur Seite ab, für eine längere, sanfte Drehung des unteren Rückens."
        ),
        "starting_position": (
            "Leg dich auf den Rücken, Knie gebeugt und geschlossen, Füße flach, Arme auf "
            "Schulterhöhe seitlich ausgestreckt."
        ),
        "instructions": steps(
            "Lass beide Knie langsam zu einer Seite sinken, nur so weit, wie es angenehm ist.",
            "Ruh dich dort aus, beide Schultern am Boden. Leg ein Kissen unter die Knie, wenn "
            "sie den Boden nicht erreichen.",
            "Führ die Knie über die Mitte wieder hoch und lass sie zur anderen Seite sinken.",
        ),
        "breathing_cue": (
            "Atme aus, während die Knie sinken; während du ruhst, atme langsam und lass den "
            "Rücken weicher werden."
        ),
        "feel": "Eine Dehnung über den unteren Rücken, die Taille und die Hüfte.",
        "caution": "Lass die Schwerkraft arbeiten; drück die Knie nie nach unten.",
        "stop_if": STOP,
        "illustration_text": (
            "Von oben gesehen: Eine Person liegt mit seitlich ausgestreckten Armen auf dem "
            "Rücken, lässt beide gebeugten Knie zu einer Seite sinken, ruht dort und führt sie "
            "dann über die Mitte zurück."
        ),
    },
    "knee-hug": {
        "name": "Ein Knie zur Brust",
        "summary": "Zieh ein Knie zur Brust, um den unteren Rücken zu entlasten.",
        "starting_position": (
            "Leg dich auf einer Matte auf den Rücken, Knie gebeugt und Füße flach. Der Kopf "
            "liegt auf dem Boden oder einem dünnen Kissen."
        ),
        "instructions": steps(
            "Heb ein Knie an und halte es mit beiden Händen, hinter dem Oberschenkel oder "
            "knapp unterhalb des Knies.",
            "Zieh es sanft zur Brust, bis du eine angenehme Dehnung spürst.",
            "Der andere Fuß bleibt am Boden, der Kopf liegt ab.",
            "Halte still, senk das Bein dann langsam ab und wechsle die Seite.",
        ),
        "breathing_cue": "Atme aus, während du das Knie heranziehst; atme beim Halten langsam.",
        "feel": "Eine sanfte Dehnung im unteren Rücken und im Gesäß des angehobenen Beins.",
        "caution": (
            "Halte hinter dem Oberschenkel, wenn der Griff unterhalb des Knies das Knie stört."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person liegt mit gebeugten Knien auf dem Rücken, hebt ein Knie an, hält es "
            "mit beiden Händen und zieht es zur Brust, hält und stellt den Fuß dann wieder auf "
            "den Boden."
        ),
    },
    "knee-to-chest-cross-leg": {
        "name": "Knie zur Brust mit überkreuztem Bein",
        "summary": (
            "Eine Dehnung im Liegen für Gesäß und unteren Rücken, eine Seite nach der anderen."
        ),
        "starting_position": (
            "Leg dich auf einer Matte auf den Rücken, Knie gebeugt und Füße flach. Der Kopf "
            "liegt auf dem Boden oder einem dünnen Kissen."
        ),
        "instructions": steps(
            "Leg einen Knöchel auf das gegenüberliegende Knie.",
            "Fass mit beiden Händen hinter den Oberschenkel des unteren Beins und zieh dieses "
            "Knie sanft zur Brust, bis du eine Dehnung in Gesäß und unterem Rücken spürst.",
            "Halte still, ohne zu wippen. Kopf und Schultern liegen entspannt am Boden.",
            "Senk das Bein langsam ab und wechsle die Seite.",
        ),
        "breathing_cue": "Atme langsam; geh nur beim Ausatmen ein kleines Stück weiter.",
        "feel": (
            "Eine tiefe Dehnung im Gesäß des überkreuzten Beins, vielleicht auch im unteren Rücken."
        ),
        "caution": "Nur eine leichte Dehnung, nie Schmerz.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person liegt auf dem Rücken, einen Knöchel auf dem anderen Knie, fasst mit "
            "beiden Händen hinter den Oberschenkel des unteren Beins und zieht ihn zur Brust, "
            "hält und senkt ihn wieder ab."
        ),
    },
    "glute-bridge": {
        "name": "Beckenheben",
        "summary": (
            "Heb das Becken an, um die Gesäßmuskeln zu kräftigen, die deinen Rücken stützen."
        ),
        "starting_position": (
            "Leg dich auf den Rücken, Knie gebeugt, Füße flach und hüftbreit auseinander."
        ),
        "instructions": steps(
            "Spann das Gesäß an und heb das Becken, bis dein Körper von den Schultern bis zu "
            "den Knien eine Linie bildet.",
            "Halte oben kurz inne, ohne ins Hohlkreuz zu gehen.",
            "Senk dich langsam ab, Wirbel für Wirbel.",
        ),
        "breathing_cue": "Atme beim Anheben aus; atme beim Absenken ein.",
        "feel": "Gesäß und Oberschenkelrückseiten arbeiten, nicht der untere Rücken.",
        "caution": "Heb das Becken nur so hoch, wie es leichtfällt.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person liegt mit gebeugten Knien auf dem Rücken, hebt das Becken, bis der "
            "Körper von den Schultern bis zu den Knien eine gerade Linie bildet, hält kurz und "
            "senkt sich langsam ab."
        ),
    },
    "single-leg-bridge": {
        "name": "Einbeiniges Beckenheben",
        "summary": "Beckenheben mit einem gestreckten Bein, für wenn das Beckenheben leichtfällt.",
        "starting_position": (
            "Leg dich auf den Rücken, Knie gebeugt, Füße flach und hüftbreit auseinander."
        ),
        "instructions": steps(
            "Heb das Becken an wie beim Beckenheben.",
            "Halte das Becken gerade und streck langsam ein Knie, bis das Bein in einer Linie "
            "mit dem Oberschenkel ist.",
            "Halte einen Atemzug lang, stell den Fuß wieder ab und senk dann das Becken langsam.",
            "Mach alle Wiederholungen auf einer Seite, dann auf der anderen.",
        ),
        "breathing_cue": "Atme beim Anheben und Strecken aus; atme beim Absenken ein.",
        "feel": "Gesäß und Oberschenkelrückseite des Standbeins arbeiten kräftig.",
        "caution": (
            "Probier das erst, wenn dir das Beckenheben leichtfällt. Sinkt oder kippt das "
            "Becken, senk es ab und mach wieder das normale Beckenheben."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person liegt auf dem Rücken, hebt das Becken an, streckt ein Bein in Linie "
            "mit dem Oberschenkel, während das Becken gerade bleibt, stellt den Fuß dann ab "
            "und senkt sich."
        ),
    },
    "heel-slides": {
        "name": "Fersen schieben",
        "summary": "Schieb eine Ferse weg und zurück, während der untere Rücken ruhig bleibt.",
        "starting_position": (
            "Leg dich auf den Rücken, Knie gebeugt, Füße flach und hüftbreit auseinander."
        ),
        "instructions": steps(
            "Zieh den Unterbauch sanft ein, als würdest du den Reißverschluss einer engen Hose "
            "schließen, und atme weiter.",
            "Schieb eine Ferse langsam über den Boden, bis das Bein fast gestreckt ist; der "
            "untere Rücken bleibt ruhig.",
            "Zieh sie wieder heran und mach es dann mit dem anderen Bein.",
        ),
        "breathing_cue": "Atme aus, während die Ferse weggleitet; atme ein, wenn sie zurückkommt.",
        "feel": "Die Muskeln des Unterbauchs arbeiten leicht, damit der Rücken ruhig bleibt.",
        "caution": "Wenn der Rücken ins Hohlkreuz geht oder das Becken kippt, schieb weniger weit.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person liegt mit gebeugten Knien auf dem Rücken und schiebt eine Ferse "
            "langsam über den Boden, bis das Bein fast gestreckt ist, und zieht sie dann "
            "wieder heran."
        ),
    },
    "dead-bug": {
        "name": "Toter Käfer (Dead Bug)",
        "summary": (
            "Streck einen Arm und das gegenüberliegende Bein weg, während der Rücken stabil bleibt."
        ),
        "starting_position": (
            "Leg dich auf den Rücken. Heb die Knie über die Hüfte, Knie gebeugt, Schienbeine "
            "parallel zum Boden, und streck beide Arme zur Decke."
        ),
        "instructions": steps(
            "Spann sanft den Bauch an, damit der untere Rücken nah am Boden bleibt.",
            "Senk langsam einen Arm nach hinten über den Kopf und streck das gegenüberliegende "
            "Bein Richtung Boden, nur so weit, wie der Rücken ruhig bleibt.",
            "Komm zurück in die Mitte und mach dasselbe mit dem anderen Arm und Bein.",
        ),
        "breathing_cue": "Atme beim Wegstrecken aus; atme beim Zurückkommen ein.",
        "feel": "Deine Bauchmuskeln arbeiten, um den unteren Rücken stabil zu halten.",
        "caution": (
            "Streck dich anfangs nur wenig. Hebt sich der untere Rücken vom Boden, streck "
            "weniger weit; fällt es schwer, die Beine oben zu halten, lass einen Fuß am Boden."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person liegt auf dem Rücken, Knie über der Hüfte und Arme nach oben "
            "gestreckt, senkt langsam einen Arm über den Kopf, streckt dabei das "
            "gegenüberliegende Bein und kommt zurück in die Mitte."
        ),
    },
    "sphinx": {
        "name": "Sphinx (in Bauchlage)",
        "summary": (
            "Stütz dich auf die Unterarme, um den unteren Rücken sanft nach hinten zu beugen."
        ),
        "starting_position": (
            "Leg dich auf einer Matte auf den Bauch, Beine gestreckt und entspannt, die Stirn "
            "auf den Händen."
        ),
        "instructions": steps(
            "Schieb die Ellbogen unter die Schultern und heb die Brust an, auf die Unterarme "
            "gestützt.",
            "Hüfte und Beine bleiben entspannt am Boden.",
            "Bleib ein paar Atemzüge so und senk dich dann langsam ab.",
        ),
        "breathing_cue": "Atme langsam und lass den Bauch zum Boden hin locker.",
        "feel": "Eine sanfte Rückbeuge im unteren Rücken; anfangs kann sie sich steif anfühlen.",
        "caution": (
            "Manchen Menschen ist das Rückbeugen unangenehm. Wenn es deinen Rücken "
            "verschlechtert, lass diese Übung weg."
        ),
        "stop_if": STOP_BENDING_BACK,
        "illustration_text": (
            "Eine Person liegt auf dem Bauch, hebt die Brust auf die Unterarme, die Ellbogen "
            "unter den Schultern, während die Hüfte am Boden bleibt, ruht dort und senkt sich "
            "dann ab."
        ),
    },
    "cat-cow": {
        "name": "Katze–Kuh",
        "summary": (
            "Langsames, vom Atem geführtes Runden und Durchhängen der Wirbelsäule im "
            "Vierfüßlerstand."
        ),
        "starting_position": (
            "Im Vierfüßlerstand: Hände unter den Schultern, Knie unter der Hüfte, Rücken "
            "gerade. Leg bei Bedarf ein gefaltetes Handtuch unter die Knie."
        ),
        "instructions": steps(
            "Kuh: Lass beim Einatmen den Bauch zum Boden sinken, sodass der Rücken sanft "
            "durchhängt, und heb den Blick.",
            "Katze: Mach beim Ausatmen einen runden Rücken zur Decke und zieh das Kinn zur Brust.",
            "Wechsle langsam zwischen beidem, nur so weit, wie es angenehm ist.",
        ),
        "breathing_cue": (
            "Einatmen in die Kuh (der Rücken hängt durch), ausatmen in die Katze (der Rücken "
            "rundet sich)."
        ),
        "feel": "Dein ganzer Rücken bewegt sich sanft, vom Steißbein bis zum Nacken.",
        "caution": "Halte die Bewegung klein, wenn es zwickt.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person im Vierfüßlerstand atmet ein und lässt den Bauch sinken, sodass der "
            "Rücken durchhängt und der Blick sich hebt (Kuh), atmet dann aus und macht einen "
            "runden Rücken zur Decke, das Kinn zur Brust (Katze)."
        ),
    },
    "rock-back": {
        "name": "Schaukeln im Vierfüßlerstand",
        "summary": "Schaukle mit dem Becken zu den Fersen und wieder nach vorn.",
        "starting_position": (
            "Im Vierfüßlerstand: Hände unter den Schultern, Knie unter der Hüfte, Rücken lang "
            "und gerade."
        ),
        "instructions": steps(
            "Halte den Rücken lang und schaukle mit dem Becken langsam nach hinten zu den Fersen.",
            "Geh nur so weit, wie es angenehm ist, und schaukle dann wieder nach vorn, bis die "
            "Schultern über den Händen sind.",
        ),
        "breathing_cue": "Atme beim Zurückschaukeln aus; atme beim Vorkommen ein.",
        "feel": "Eine sanfte Dehnung im unteren Rücken und in der Hüfte.",
        "caution": "Leg ein gefaltetes Handtuch unter die Knie, wenn sie schmerzen.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person im Vierfüßlerstand schaukelt mit dem Becken langsam nach hinten zu "
            "den Fersen, die Arme bleiben lang, und dann wieder nach vorn, bis die Schultern "
            "über den Händen sind."
        ),
    },
    "childs-pose": {
        "name": "Kindhaltung",
        "summary": "Eine ruhende Dehnung für Rücken, Hüfte und Schultern.",
        "starting_position": (
            "Knie dich auf eine Matte, die großen Zehen berühren sich, die Knie sind auseinander."
        ),
        "instructions": steps(
            "Setz das Becken nach hinten zu den Fersen.",
            "Wandere mit den Händen nach vorn und senk die Brust zum Boden.",
            "Leg die Stirn auf die Matte oder ein Kissen und lass den Rücken entspannen.",
        ),
        "breathing_cue": "Atme in den unteren Rücken und spür, wie er sich weitet.",
        "feel": (
            "Eine sanfte Dehnung entlang des Rückens und der Hüfte, und dein Rücken weitet "
            "sich beim Atmen."
        ),
        "caution": "Leg ein Kissen zwischen Becken und Fersen, wenn die Knie sich melden.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person kniet, setzt das Becken zu den Fersen zurück und senkt die Brust, die "
            "Arme nach vorn gestreckt und die Stirn auf der Matte, und ruht dort mit langsamem "
            "Atem."
        ),
    },
    "leg-reach": {
        "name": "Bein strecken im Vierfüßlerstand",
        "summary": "Schieb ein Bein nach hinten, während der Rücken gerade bleibt.",
        "starting_position": (
            "Im Vierfüßlerstand: Hände unter den Schultern, Knie unter der Hüfte, Rücken "
            "gerade, Bauch sanft eingezogen."
        ),
        "instructions": steps(
            "Schieb ein Bein gestreckt über den Boden nach hinten, die Zehen berühren die "
            "Matte, der Rücken bleibt gerade.",
            "Fällt dir das leicht, heb das Bein bis auf Hüfthöhe, nicht höher.",
            "Hol es wieder unter dich und wechsle das Bein.",
        ),
        "breathing_cue": (
            "Atme aus, während das Bein nach hinten geht; atme ein, wenn es zurückkommt."
        ),
        "feel": "Dein Gesäß und die Rückenmuskeln arbeiten, damit du gerade bleibst.",
        "caution": (
            "Halte die Hüfte gerade und lass den Rücken nicht durchhängen; heb das Bein nicht "
            "höher als die Hüfte."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person im Vierfüßlerstand schiebt ein Bein gestreckt über den Boden nach "
            "hinten und hebt es bis auf Hüfthöhe, der Rücken gerade, und holt es dann wieder "
            "unter die Hüfte."
        ),
    },
    "bird-dog": {
        "name": "Vierfüßlerstand mit Arm und Bein (Bird Dog)",
        "summary": (
            "Streck einen Arm nach vorn und das gegenüberliegende Bein nach hinten und bleib "
            "stabil."
        ),
        "starting_position": (
            "Im Vierfüßlerstand: Hände unter den Schultern, Knie unter der Hüfte, Rücken "
            "gerade, Bauch sanft eingezogen."
        ),
        "instructions": steps(
            "Streck einen Arm nach vorn und das gegenüberliegende Bein nach hinten, bis beide "
            "in einer Linie mit dem Körper sind.",
            "Halte den Rücken gerade und die Hüfte parallel zum Boden; halte einen Atemzug lang.",
            "Komm zurück in die Ausgangsposition und wechsle die Seite.",
        ),
        "breathing_cue": "Atme beim Strecken aus; atme beim Zurückkommen ein.",
        "feel": "Gesäß, Schultern und die Muskeln entlang der Wirbelsäule arbeiten zusammen.",
        "caution": (
            "Beweg dich langsam; wenn du wackelst, streck dich weniger weit. Der Blick bleibt "
            "auf dem Boden."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person im Vierfüßlerstand streckt einen Arm nach vorn und das "
            "gegenüberliegende Bein nach hinten, bis beide mit dem Rücken eine Linie bilden, "
            "hält und kommt zurück in den Vierfüßlerstand."
        ),
    },
    "seated-twist": {
        "name": "Drehung im Sitzen",
        "summary": "Eine sanfte Drehung der Wirbelsäule, die du auf jedem Stuhl machen kannst.",
        "starting_position": (
            "Setz dich aufrecht auf die vordere Hälfte eines stabilen Stuhls, Füße flach."
        ),
        "instructions": steps(
            "Leg eine Hand außen an das gegenüberliegende Knie und die andere auf den Stuhl.",
            "Sitz aufrecht und dreh den Oberkörper langsam zu der Hand auf dem Stuhl.",
            "Halte sanft, komm zurück zur Mitte und dreh dich zur anderen Seite.",
        ),
        "breathing_cue": "Mach dich beim Einatmen groß; dreh dich beim Ausatmen ein wenig.",
        "feel": "Eine sanfte Drehung in der Mitte des Rückens.",
        "caution": "Dreh dich nur so weit, wie es leichtfällt; zieh nie am Knie.",
        "stop_if": STOP,
        "illustration_text": (
            "Von vorn gesehen: Eine Person sitzt aufrecht auf einem Stuhl, eine Hand außen am "
            "gegenüberliegenden Knie, und dreht Schultern und Kopf langsam zu einer Seite, "
            "während die Knie nach vorn zeigen, und kommt dann zurück zur Mitte."
        ),
    },
    "seated-cat-cow": {
        "name": "Katze–Kuh im Sitzen",
        "summary": "Katze–Kuh auf dem Stuhl: Rücken im Atemrhythmus durchhängen lassen und runden.",
        "starting_position": (
            "Setz dich aufrecht auf die vordere Kante eines stabilen Stuhls, Füße flach, die "
            "Hände auf den Oberschenkeln."
        ),
        "instructions": steps(
            "Kuh: Kipp beim Einatmen das Becken nach vorn, sodass der untere Rücken sanft "
            "durchhängt, und heb Brust und Blick.",
            "Katze: Kipp beim Ausatmen das Becken nach hinten, mach einen runden Rücken und "
            "zieh das Kinn heran.",
            "Wechsle langsam zwischen beidem.",
        ),
        "breathing_cue": (
            "Einatmen in die Kuh (Brust hebt sich, Rücken hängt durch), ausatmen in die Katze "
            "(Rücken rundet sich)."
        ),
        "feel": "Dein ganzer Rücken bewegt sich sanft, vom Becken aufwärts.",
        "caution": "Halte die Bewegung klein, wenn es zwickt.",
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person sitzt mit den Händen auf den Oberschenkeln auf einem Stuhl, atmet ein, "
            "lässt den Rücken durchhängen und hebt Brust und Blick (Kuh), atmet dann aus, macht "
            "einen runden Rücken und zieht das Kinn heran (Katze)."
        ),
    },
    "seated-forward-bend": {
        "name": "Vorbeuge im Sitzen",
        "summary": "Lass den Oberkörper sanft nach vorn über die Knie sinken.",
        "starting_position": (
            "Setz dich auf einen stabilen Stuhl, die Füße flach und etwas weiter als "
            "hüftbreit, die Hände auf den Knien."
        ),
        "instructions": steps(
            "Senk die Brust langsam zu den Oberschenkeln und lass die Hände dabei an den "
            "Schienbeinen hinuntergleiten.",
            "Lass Kopf und Arme hängen und den Rücken rund werden.",
            "Zum Hochkommen leg die Hände auf die Oberschenkel und drück dich langsam hoch.",
        ),
        "breathing_cue": ("Atme beim Vorbeugen aus; atme beim Ruhen langsam in den Rücken."),
        "feel": "Eine sanfte Dehnung entlang des Rückens.",
        "caution": (
            "Komm langsam hoch und bleib einen Moment ruhig sitzen, wenn dir schwummrig wird."
        ),
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Eine Person auf einem Stuhl beugt sich langsam nach vorn, die Hände gleiten an den "
            "Schienbeinen hinunter und der Kopf hängt, ruht dort und drückt sich dann mit den "
            "Händen hoch in einen aufrechten Sitz."
        ),
    },
    "seated-figure-four": {
        "name": "Dehnung im Sitzen mit überkreuztem Bein",
        "summary": (
            "Leg einen Knöchel aufs andere Knie und beug dich nach vorn, um die Hüfte zu dehnen."
        ),
        "starting_position": (
            "Setz dich aufrecht auf einen stabilen Stuhl, Füße flach. Leg einen Knöchel auf "
            "das gegenüberliegende Knie."
        ),
        "instructions": steps(
            "Sitz aufrecht und leg eine Hand locker auf das überkreuzte Knie.",
            "Halte den Rücken lang und beug dich langsam aus der Hüfte nach vorn, bis du eine "
            "Dehnung im Gesäß des überkreuzten Beins spürst.",
            "Halte, ohne zu wippen, setz dich auf und wechsle die Seite.",
        ),
        "breathing_cue": "Atme beim Vorbeugen aus; atme beim Halten langsam.",
        "feel": "Eine tiefe Dehnung in Gesäß und Hüfte des überkreuzten Beins.",
        "caution": (
            "Liegt der Knöchel nicht auf dem Knie, leg ihn aufs Schienbein. Drück nie auf das Knie."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person sitzt auf einem Stuhl, einen Knöchel auf dem anderen Knie, beugt sich "
            "mit langem Rücken langsam aus der Hüfte nach vorn, hält und setzt sich wieder auf."
        ),
    },
    "seated-knee-hug": {
        "name": "Knie zur Brust im Sitzen",
        "summary": "Zieh ein Knie zur Brust, ohne dich auf den Boden zu begeben.",
        "starting_position": "Setz dich aufrecht auf einen stabilen Stuhl, Füße flach.",
        "instructions": steps(
            "Heb ein Knie an und halte es mit beiden Händen, knapp unterhalb des Knies oder "
            "hinter dem Oberschenkel.",
            "Zieh es sanft zur Brust und bleib dabei aufrecht.",
            "Halte, stell den Fuß langsam ab und wechsle die Seite.",
        ),
        "breathing_cue": "Atme aus, während du das Knie heranziehst; atme beim Halten langsam.",
        "feel": (
            "Eine sanfte Dehnung in Gesäß und unterem Rücken auf der Seite des angehobenen Beins."
        ),
        "caution": (
            "Der andere Fuß bleibt fest am Boden; halte dich am Stuhl fest, wenn du dich "
            "unsicher fühlst."
        ),
        "stop_if": STOP,
        "illustration_text": (
            "Eine Person sitzt aufrecht auf einem Stuhl, hebt ein Knie an, hält es mit beiden "
            "Händen und zieht es zur Brust, hält und stellt den Fuß dann wieder auf den Boden."
        ),
    },
    "sit-to-stand": {
        "name": "Aufstehen vom Stuhl",
        "summary": "Steh von einem Stuhl auf und setz dich wieder, langsam und kontrolliert.",
        "starting_position": (
            "Setz dich auf die vordere Kante eines stabilen Stuhls, der nicht wegrutschen "
            "kann, die Füße flach, hüftbreit und etwas hinter den Knien."
        ),
        "instructions": steps(
            "Beug dich mit langem Rücken aus der Hüfte nach vorn und drück dich mit den Füßen "
            "hoch in den Stand.",
            "Steh einen Moment aufrecht.",
            "Setz dich langsam wieder, beug dabei Hüfte und Knie und schieb das Gesäß nach "
            "hinten zum Stuhl.",
            "Nimm bei Bedarf die Hände auf den Oberschenkeln oder die Armlehnen zu Hilfe.",
        ),
        "breathing_cue": "Atme beim Aufstehen aus; atme beim Hinsetzen ein.",
        "feel": "Deine Oberschenkel und dein Gesäß arbeiten.",
        "caution": (
            "Nimm einen Stuhl, der nicht wegrutschen kann, und nimm die Hände zu Hilfe, wenn "
            "du sie brauchst."
        ),
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Eine Person auf einem Stuhl beugt sich aus der Hüfte nach vorn, steht aufrecht "
            "auf und setzt sich langsam wieder."
        ),
    },
    "standing-back-bend": {
        "name": "Rückbeuge im Stehen",
        "summary": "Eine kleine, sanfte Rückbeuge im Stehen, die Hände an der Hüfte.",
        "starting_position": (
            "Steh aufrecht, Füße hüftbreit, die Hände hinten an der Hüfte, die Finger zeigen "
            "nach unten."
        ),
        "instructions": steps(
            "Halte die Knie locker und lehn dich sanft aus der Taille nach hinten, der Blick "
            "geht leicht nach oben.",
            "Geh nur ein kleines Stück, so weit es angenehm ist, und halte eine Sekunde inne.",
            "Komm zurück in den aufrechten Stand.",
        ),
        "breathing_cue": "Atme beim Zurücklehnen ein; atme beim Aufrichten aus.",
        "feel": "Eine sanfte Rückbeuge im unteren Rücken.",
        "caution": (
            "Halte die Bewegung klein. Manchen Menschen ist das Rückbeugen unangenehm; wenn es "
            "deinen Rücken verschlechtert, lass diese Übung weg."
        ),
        "stop_if": (
            "Hör auf, wenn der Schmerz stärker wird oder in Gesäß oder Bein ausstrahlt oder "
            "wenn du Taubheit, Kribbeln oder Schwäche spürst. Hör auch auf, wenn dir "
            "schwindlig wird."
        ),
        "illustration_text": (
            "Eine Person steht mit den Händen hinten an der Hüfte, lehnt sich aus der Taille "
            "ein wenig nach hinten, den Blick leicht nach oben, und kommt zurück in den "
            "aufrechten Stand."
        ),
    },
    "standing-cat-cow": {
        "name": "Katze–Kuh im Stehen",
        "summary": "Katze–Kuh im Stehen, mit den Händen auf den Oberschenkeln.",
        "starting_position": (
            "Steh mit hüftbreiten Füßen und lockeren Knien und beug dich ein wenig nach vorn, "
            "die Hände knapp über den Knien auf den Oberschenkeln."
        ),
        "instructions": steps(
            "Kuh: Schieb beim Einatmen das Steißbein nach hinten, sodass der Rücken sanft "
            "durchhängt, und heb Brust und Blick.",
            "Katze: Zieh beim Ausatmen das Steißbein ein, mach einen runden Rücken und zieh "
            "das Kinn heran.",
            "Wechsle langsam zwischen beidem.",
        ),
        "breathing_cue": (
            "Einatmen in die Kuh (der Rücken hängt durch), ausatmen in die Katze (der Rücken "
            "rundet sich)."
        ),
        "feel": "Dein Rücken bewegt sich sanft vom Steißbein bis zum Nacken.",
        "caution": "Halte die Bewegung klein, wenn es zwickt, und die Knie locker.",
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Eine Person steht nach vorn gebeugt, die Hände auf den Oberschenkeln, atmet ein, "
            "lässt den Rücken durchhängen und hebt den Blick (Kuh), atmet dann aus, macht "
            "einen runden Rücken und zieht das Kinn heran (Katze)."
        ),
    },
    "standing-side-bend": {
        "name": "Seitbeuge im Stehen",
        "summary": (
            "Lass eine Hand an der Seite des Beins hinuntergleiten, um die Taille zu dehnen."
        ),
        "starting_position": "Steh aufrecht, Füße hüftbreit, die Arme hängen seitlich.",
        "instructions": steps(
            "Lass eine Hand langsam seitlich am Bein hinuntergleiten und neig dich zu dieser "
            "Seite.",
            "Beide Füße bleiben flach am Boden; lehn dich nicht nach vorn oder hinten.",
            "Richte dich wieder auf und neig dich dann zur anderen Seite.",
        ),
        "breathing_cue": "Atme beim Neigen aus; atme beim Aufrichten ein.",
        "feel": "Eine Dehnung an der anderen Seite von Taille und Rücken.",
        "caution": "Neig dich nur so weit, wie es angenehm ist, und halte die Hüfte ruhig.",
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Von vorn gesehen: Eine Person steht aufrecht, lässt eine Hand seitlich am Bein "
            "hinuntergleiten und neigt sich zu dieser Seite, richtet sich dann auf und neigt "
            "sich zur anderen Seite."
        ),
    },
    "hip-hinge": {
        "name": "Hüftbeuge",
        "summary": (
            "Beug dich mit langem Rücken aus der Hüfte nach vorn und richte dich wieder auf."
        ),
        "starting_position": (
            "Steh aufrecht, Füße hüftbreit, Knie locker, die Hände an der Hüfte."
        ),
        "instructions": steps(
            "Schieb das Becken nach hinten und lass die Brust nach vorn kippen; der Rücken "
            "bleibt lang und gerade.",
            "Geh nur so weit, wie der Rücken gerade bleibt, die Knie leicht gebeugt.",
            "Spann das Gesäß an und schieb das Becken nach vorn, um dich wieder aufzurichten.",
        ),
        "breathing_cue": "Atme beim Vorbeugen ein; atme beim Aufrichten aus.",
        "feel": "Die Oberschenkelrückseiten dehnen sich, und beim Aufrichten arbeitet dein Gesäß.",
        "caution": "Beug die Knie etwas mehr, wenn der Rücken anfängt, rund zu werden.",
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Eine Person steht mit den Händen an der Hüfte, schiebt das Becken nach hinten und "
            "kippt die Brust mit geradem Rücken und lockeren Knien nach vorn und richtet sich "
            "dann wieder auf."
        ),
    },
    "standing-knee-lifts": {
        "name": "Knieheben im Stehen",
        "summary": "Heb ein Knie, dann das andere, und halte dich dabei an einem Stuhl fest.",
        "starting_position": (
            "Steh aufrecht neben einem stabilen Stuhl oder einer Arbeitsplatte, eine Hand "
            "liegt zum Gleichgewicht darauf."
        ),
        "instructions": steps(
            "Heb ein Knie langsam bis etwa auf Hüfthöhe oder so hoch, wie es angenehm ist; "
            "der Rücken bleibt aufrecht.",
            "Senk es kontrolliert ab und heb dann das andere Knie.",
            "Mach in einem ruhigen, gleichmäßigen Tempo weiter.",
        ),
        "breathing_cue": "Atme ruhig und gleichmäßig weiter; halte nie die Luft an.",
        "feel": "Hüfte und Bauchmuskeln arbeiten, dazu dein Gleichgewicht.",
        "caution": (
            "Halte dich fest, um das Gleichgewicht zu halten, und heb das Knie weniger hoch, "
            "wenn sich der Rücken nach hinten lehnt."
        ),
        "stop_if": STOP_STANDING,
        "illustration_text": (
            "Eine Person steht aufrecht, hält sich mit einer Hand an einer Stuhllehne fest, "
            "hebt ein Knie langsam bis etwa auf Hüfthöhe, senkt es ab und hebt dann das andere."
        ),
    },
}

ROUTINES = {
    "morning-mobility": {
        "title": "Morgendliche Mobilität",
        "summary": "Weck einen steifen Rücken sanft, bevor der Tag beginnt.",
        "when_to_use": "Am Morgen, auf einer Matte neben dem Bett",
    },
    "quick-reset": {
        "title": "Drei-Minuten-Pause",
        "summary": "Eine schnelle Lockerung im Stehen, wann immer sich dein Rücken steif anfühlt.",
        "when_to_use": "Überall, im Stehen, ohne Hilfsmittel",
    },
    "desk-break": {
        "title": "Pause am Schreibtisch",
        "summary": (
            "Ein paar Minuten gegen langes Sitzen: Du beginnst auf dem Stuhl und endest auf "
            "dem Boden."
        ),
        "when_to_use": "Während des Arbeitstags, neben deinem Schreibtisch",
    },
    "long-sitting": {
        "title": "Nach langem Sitzen",
        "summary": "Lockere einen Rücken, der zu lange gesessen hat, ohne vom Stuhl aufzustehen.",
        "when_to_use": "Am Schreibtisch, auf dem Parkplatz, im Zug: Du brauchst nur einen Stuhl",
    },
    "standing-only": {
        "title": "Nur im Stehen",
        "summary": "Ganz im Stehen, für Tage, an denen es schwerfällt, auf den Boden zu gehen.",
        "when_to_use": "Im Stehen, mit einem Stuhl oder einer Arbeitsplatte zum Festhalten",
    },
    "evening-release": {
        "title": "Abendliche Entspannung",
        "summary": "Lass vor dem Schlafengehen die Anspannung des Tages aus Rücken und Hüfte.",
        "when_to_use": "Am Abend, mit einer Faszienrolle und einer Matte",
    },
    "lying-wind-down": {
        "title": "Entspannen im Liegen",
        "summary": (
            "Langsame, sanfte Dehnungen in Rückenlage, auch auf einem festen Bett möglich."
        ),
        "when_to_use": "Vor dem Schlafengehen oder an einem Tag, an dem dein Rücken Ruhe braucht",
    },
    "gentle-strength": {
        "title": "Sanfte Kräftigung",
        "summary": "Weck die Muskeln, die deinen Rücken stützen, langsam und gleichmäßig.",
        "when_to_use": "Auf einer Matte, ein paarmal pro Woche",
    },
    "roller-release": {
        "title": "Faszienrolle: Rücken und Hüfte",
        "summary": "Lockere oberen Rücken und Hüfte mit einer Faszienrolle und dehn dich dann.",
        "when_to_use": "Mit Faszienrolle und Matte, nach einem langen Tag",
    },
    "stronger-back": {
        "title": "Starker Rücken",
        "summary": "Der nächste Schritt nach der sanften Kräftigung, wenn sie dir leichtfällt.",
        "when_to_use": "Auf einer Matte, sobald dir die sanfte Kräftigung leichtfällt",
    },
}
