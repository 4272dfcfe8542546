"""The routine library, written for BackEase from ../shared/CONTENT.md.

It corrects the source article: cat–cow is named the right way round, the foam
roller is never rolled face down or straight over the lower spine, and nothing
here tries to "crack" the back. Data migrations load it (routines/library.py):
they add what is missing and never overwrite what someone changed in the admin.

Every text is plain, kind and never diagnostic; tests/routines/test_library_review.py
reads all of it. A later issue translates these fields in the database, so all
content stays in this one module.
"""


def steps(*lines: str) -> str:
    return "\n".join(lines)


STOP = (
    "Stop if it hurts, if pain spreads down your leg, "
    "or if you feel numbness, tingling or weakness."
)
STOP_STANDING = (
    "Stop if it hurts, if you feel dizzy or unsteady, if pain spreads down your leg, "
    "or if you feel numbness, tingling or weakness."
)
STOP_BENDING_BACK = (
    "Stop if your pain increases or spreads into your buttock or leg, "
    "or if you feel numbness, tingling or weakness."
)
STOP_ROLLER = (
    "Stop if you feel sharp pain, if pain spreads down your leg, "
    "or if you feel numbness, tingling or weakness."
)

# Each exercise: its text, where and how it is done, and its gentler and harder variants
# (by slug; a variant may be in another position, e.g. seated cat–cow is gentler than
# cat–cow). `icon` names its illustration in static/img/exercises/.
EXERCISES = [
    # --- Foam roller -------------------------------------------------------------------
    {
        "slug": "foam-roller-upper-back",
        "name": "Foam roller: upper back",
        "summary": "Gentle rolling of the mid and upper back with your hips on the floor.",
        "starting_position": (
            "Lie face up with a foam roller across your back, just below the shoulder "
            "blades. Knees bent, feet flat, hips resting on the floor. Cross your arms "
            "over your chest."
        ),
        "instructions": steps(
            "Lift your hips only slightly, or keep them down if that is more comfortable.",
            "Push gently through your feet to roll a few centimetres up and down your "
            "mid and upper back.",
            "Keep the roller above your lower back: do not roll over the small of your back.",
            "Move slowly and keep the pressure comfortable.",
        ),
        "breathing_cue": "Breathe slowly and evenly; let your back soften on each out-breath.",
        "feel": "Firm, comfortable pressure on the muscles of your upper back, never sharp pain.",
        "caution": "Keep the roller on your upper back, never under your lower back or your neck.",
        "stop_if": STOP_ROLLER,
        "equipment": "foam_roller",
        "position": "lying",
        "focus": "release",
        "harder": "foam-roller-extension",
        "icon": "foam-roller-back",
        "illustration_text": (
            "A person lies face up with a foam roller under the upper back, knees bent, feet "
            "flat and arms crossed over the chest, and rolls a little up and down by pushing "
            "through the feet. The roller stays above the lower back."
        ),
    },
    {
        "slug": "foam-roller-extension",
        "name": "Foam roller: upper-back arch",
        "summary": "Ease your upper back gently backwards over the roller.",
        "starting_position": (
            "Sit on the floor and lie back with the roller across your back, just below the "
            "shoulder blades. Bottom on the floor, knees bent, feet flat. Support your head "
            "with your hands, elbows pointing forward."
        ),
        "instructions": steps(
            "Keeping your bottom on the floor, let your upper back ease back over the roller.",
            "Go only as far as is comfortable, with your head resting in your hands.",
            "Come back up slowly, curling forward a little.",
        ),
        "breathing_cue": "Breathe out as you ease back; breathe in as you come up.",
        "feel": "A gentle opening across your chest and upper back.",
        "caution": (
            "The roller stays under your upper back, never your lower back or your neck. "
            "Keep your bottom on the floor."
        ),
        "stop_if": STOP_ROLLER,
        "equipment": "foam_roller",
        "position": "lying",
        "focus": "mobility",
        "gentler": "foam-roller-upper-back",
        "icon": "foam-roller-extension",
        "illustration_text": (
            "A person lies back over a foam roller placed under the upper back, bottom on "
            "the floor and hands behind the head, lets the upper back ease back over the "
            "roller, then curls forward a little again."
        ),
    },
    {
        "slug": "foam-roller-glutes",
        "name": "Foam roller: seat and hips",
        "summary": "Sit on the roller to ease tight buttock and hip muscles.",
        "starting_position": (
            "Sit on a foam roller with your hands on the floor behind you for support. "
            "Cross one ankle over the opposite knee."
        ),
        "instructions": steps(
            "Lean a little towards the side of the crossed leg.",
            "Roll slowly back and forth over the buttock muscle, a few centimetres at a time.",
            "If you find a tender spot, pause there and breathe; keep the pressure gentle.",
        ),
        "breathing_cue": "Breathe out as you settle onto a tender spot.",
        "feel": "A dull, easing pressure in the buttock muscle, never sharp or shooting pain.",
        "caution": "Keep the pressure gentle and let your hands take some of your weight.",
        "stop_if": STOP_ROLLER,
        "equipment": "foam_roller",
        "position": "sitting",
        "focus": "release",
        "gentler": "seated-figure-four",
        "icon": "foam-roller-seat",
        "illustration_text": (
            "A person sits on a foam roller with hands on the floor behind and one ankle "
            "crossed over the other knee, and rolls slowly a few centimetres back and forth "
            "under the buttock."
        ),
    },
    # --- Lying on your back ------------------------------------------------------------
    {
        "slug": "pelvic-tilt",
        "name": "Pelvic tilt",
        "summary": "A small rocking of the pelvis that wakes up the lower back gently.",
        "starting_position": "Lie on your back, knees bent, feet flat and hip-width apart.",
        "instructions": steps(
            "Tighten your tummy muscles gently and flatten the small of your back "
            "into the floor, tilting your pelvis up a little.",
            "Hold for a moment, then relax back to the start.",
            "Keep your buttocks on the floor; the movement is small.",
        ),
        "breathing_cue": "Breathe out as you flatten your back; breathe in as you relax.",
        "feel": "Your tummy muscles working lightly and your lower back pressing into the floor.",
        "caution": "Keep it small and easy.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "mobility",
        "harder": "glute-bridge",
        "icon": "pelvic-tilt",
        "illustration_text": (
            "A person lies on their back with knees bent and feet flat, and gently flattens "
            "the small of the back into the floor by tilting the pelvis, then relaxes."
        ),
    },
    {
        "slug": "knee-rocks",
        "name": "Knee rocks (lower-trunk rotation)",
        "summary": "Let both knees sway gently from side to side to loosen the lower back.",
        "starting_position": (
            "Lie on your back, knees bent and together, feet flat. Arms out to the sides."
        ),
        "instructions": steps(
            "Keeping your shoulders on the floor, let both knees sway slowly to one side.",
            "Go only as far as is comfortable, then bring them back through the middle "
            "to the other side.",
            "Keep the movement smooth and unhurried.",
        ),
        "breathing_cue": "Breathe out as your knees lower; breathe in as they come back.",
        "feel": "A gentle loosening around your lower back and hips.",
        "caution": "A gentle sway, not a forced twist.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "mobility",
        "harder": "lying-twist",
        "icon": "knee-rocks",
        "illustration_text": (
            "Seen from above: a person lies on their back with arms out to the sides and "
            "knees bent together, and lets both knees sway slowly to one side and then the "
            "other while the shoulders stay on the floor."
        ),
    },
    {
        "slug": "lying-twist",
        "name": "Lying twist",
        "summary": "Rest both knees to one side for a longer, gentle twist of the lower back.",
        "starting_position": (
            "Lie on your back, knees bent and together, feet flat, arms out to the sides "
            "at shoulder height."
        ),
        "instructions": steps(
            "Let both knees lower slowly to one side, only as far as is comfortable.",
            "Rest there with both shoulders on the floor. Put a cushion under your knees "
            "if they do not reach the floor.",
            "Bring the knees back up through the middle, then lower them to the other side.",
        ),
        "breathing_cue": (
            "Breathe out as your knees lower; while you rest there, breathe slowly and let "
            "your back soften."
        ),
        "feel": "A stretch across your lower back, the side of your waist and your hip.",
        "caution": "Let gravity do the work; never push your knees down.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "stretch",
        "gentler": "knee-rocks",
        "icon": "lying-twist",
        "illustration_text": (
            "Seen from above: a person lies on their back with arms out to the sides, lowers "
            "both bent knees to one side and rests there, then brings them back through the "
            "middle."
        ),
    },
    {
        "slug": "knee-hug",
        "name": "Single knee-to-chest",
        "summary": "Hug one knee towards your chest to ease the lower back.",
        "starting_position": (
            "Lie on your back on a mat, knees bent and feet flat. Rest your head on the "
            "floor or a thin cushion."
        ),
        "instructions": steps(
            "Bring one knee up and hold it with both hands, behind the thigh or just below "
            "the knee.",
            "Draw it gently towards your chest until you feel a comfortable stretch.",
            "Keep the other foot on the floor and your head down.",
            "Hold still, then lower the leg slowly and switch sides.",
        ),
        "breathing_cue": "Breathe out as you draw the knee in; breathe slowly while you hold.",
        "feel": "A gentle stretch in your lower back and in the buttock of the lifted leg.",
        "caution": "Hold behind the thigh if holding below the knee bothers your knee.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "stretch",
        "gentler": "seated-knee-hug",
        "harder": "knee-to-chest-cross-leg",
        "icon": "knee-hug",
        "illustration_text": (
            "A person lies on their back with knees bent, lifts one knee, holds it with both "
            "hands and draws it towards the chest, holds, then lowers the foot to the floor."
        ),
    },
    {
        "slug": "knee-to-chest-cross-leg",
        "name": "Knee-to-chest with crossed leg",
        "summary": "A lying stretch for the buttock and lower back, one side at a time.",
        "starting_position": (
            "Lie on your back on a mat, knees bent and feet flat. Rest your head on the floor "
            "or a thin cushion."
        ),
        "instructions": steps(
            "Cross one ankle over the opposite knee.",
            "Hold the back of the lower thigh with both hands and gently draw that knee "
            "towards your chest until you feel a stretch in the buttock and lower back.",
            "Hold still, without bouncing. Keep your head and shoulders relaxed on the floor.",
            "Lower slowly, then switch sides.",
        ),
        "breathing_cue": "Breathe slowly; ease a little further only as you breathe out.",
        "feel": "A stretch deep in the buttock of the crossed leg, and perhaps your lower back.",
        "caution": "A mild stretch only, never pain.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "stretch",
        "gentler": "knee-hug",
        "icon": "knee-to-chest",
        "illustration_text": (
            "A person lies on their back with one ankle crossed over the other knee, holds "
            "the back of the lower thigh with both hands and draws it towards the chest, "
            "holds, then lowers it."
        ),
    },
    {
        "slug": "glute-bridge",
        "name": "Glute bridge",
        "summary": "Lift the hips to strengthen the buttocks that support your back.",
        "starting_position": "Lie on your back, knees bent, feet flat and hip-width apart.",
        "instructions": steps(
            "Squeeze your buttocks and lift your hips until your body makes a line "
            "from shoulders to knees.",
            "Pause for a moment at the top without arching your lower back.",
            "Lower slowly, one part of the spine at a time.",
        ),
        "breathing_cue": "Breathe out as you lift; breathe in as you lower.",
        "feel": "Your buttocks and the backs of your thighs working, not your lower back.",
        "caution": "Lift only as high as feels easy.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "strength",
        "gentler": "pelvic-tilt",
        "harder": "single-leg-bridge",
        "icon": "glute-bridge",
        "illustration_text": (
            "A person lies on their back with knees bent, lifts the hips until the body "
            "makes a straight line from shoulders to knees, pauses, then lowers slowly."
        ),
    },
    {
        "slug": "single-leg-bridge",
        "name": "Single-leg bridge",
        "summary": "A bridge with one leg straightened, for when the glute bridge feels easy.",
        "starting_position": "Lie on your back, knees bent, feet flat and hip-width apart.",
        "instructions": steps(
            "Lift your hips into a bridge, as in the glute bridge.",
            "Keeping your hips level, slowly straighten one knee so that leg lines up with "
            "the thigh.",
            "Hold for a breath, put the foot back down, then lower your hips slowly.",
            "Do all the repetitions on one side, then the other.",
        ),
        "breathing_cue": "Breathe out as you lift and straighten; breathe in as you lower.",
        "feel": "The buttock and the back of the thigh of the supporting leg working hard.",
        "caution": (
            "Try this only once the glute bridge feels easy. If your hips drop or twist, "
            "lower them and go back to the glute bridge."
        ),
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "strength",
        "gentler": "glute-bridge",
        "icon": "single-leg-bridge",
        "illustration_text": (
            "A person lies on their back, lifts the hips into a bridge, straightens one leg "
            "in line with the thigh while the hips stay level, then puts the foot down and "
            "lowers."
        ),
    },
    {
        "slug": "heel-slides",
        "name": "Heel slides",
        "summary": "Slide one heel away and back while your lower back stays quiet.",
        "starting_position": "Lie on your back, knees bent, feet flat and hip-width apart.",
        "instructions": steps(
            "Gently draw your lower tummy in, as if zipping up tight trousers, and keep breathing.",
            "Slowly slide one heel along the floor until that leg is nearly straight, "
            "keeping your lower back still.",
            "Slide it back, then do the other leg.",
        ),
        "breathing_cue": "Breathe out as the heel slides away; breathe in as it comes back.",
        "feel": "Your lower tummy muscles working lightly to keep your back still.",
        "caution": "If your back arches or your pelvis rocks, make the slide shorter.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "strength",
        "harder": "dead-bug",
        "icon": "heel-slides",
        "illustration_text": (
            "A person lies on their back with knees bent and slowly slides one heel along "
            "the floor until the leg is nearly straight, then slides it back."
        ),
    },
    {
        "slug": "dead-bug",
        "name": "Dead bug",
        "summary": "Reach an arm and the opposite leg away while your back stays steady.",
        "starting_position": (
            "Lie on your back. Lift your knees above your hips, knees bent, shins level with "
            "the floor, and reach both arms up towards the ceiling."
        ),
        "instructions": steps(
            "Gently tighten your tummy so your lower back stays close to the floor.",
            "Slowly lower one arm back over your head and straighten the opposite leg out "
            "towards the floor, only as far as your back stays still.",
            "Return to the middle, then do the same with the other arm and leg.",
        ),
        "breathing_cue": "Breathe out as you reach away; breathe in as you return.",
        "feel": "Your tummy muscles working to keep your lower back steady.",
        "caution": (
            "Keep the reach small at first. If your lower back lifts off the floor, do not "
            "reach so far; if holding your legs up is hard, keep one foot on the floor."
        ),
        "stop_if": STOP,
        "equipment": "mat",
        "position": "lying",
        "focus": "strength",
        "gentler": "heel-slides",
        "icon": "dead-bug",
        "illustration_text": (
            "A person lies on their back with knees lifted above the hips and arms reaching "
            "up, then slowly lowers one arm overhead while straightening the opposite leg, "
            "and comes back to the middle."
        ),
    },
    {
        "slug": "sphinx",
        "name": "Sphinx (lying on your front)",
        "summary": "Rest on your forearms to arch the lower back gently.",
        "starting_position": (
            "Lie on your front on a mat, legs straight and relaxed, forehead resting on your hands."
        ),
        "instructions": steps(
            "Slide your elbows under your shoulders and lift your chest, resting on your forearms.",
            "Let your hips and legs stay relaxed on the floor.",
            "Stay for a few breaths, then lower slowly back down.",
        ),
        "breathing_cue": "Breathe slowly and let your belly relax towards the floor.",
        "feel": "A gentle arch in your lower back; it may feel stiff at first.",
        "caution": (
            "Some people find bending backwards uncomfortable. If this makes your back feel "
            "worse, leave it out."
        ),
        "stop_if": STOP_BENDING_BACK,
        "equipment": "mat",
        "position": "lying",
        "focus": "mobility",
        "gentler": "standing-back-bend",
        "icon": "sphinx",
        "illustration_text": (
            "A person lies on their front, lifts the chest onto the forearms with elbows "
            "under the shoulders while the hips stay on the floor, rests there, then lowers."
        ),
    },
    # --- On hands and knees ------------------------------------------------------------
    {
        "slug": "cat-cow",
        "name": "Cat–cow",
        "summary": "Slow, breath-led rounding and arching of the spine on hands and knees.",
        "starting_position": (
            "On hands and knees: hands under your shoulders, knees under your hips, "
            "back flat. Pad your knees with a folded towel if you need to."
        ),
        "instructions": steps(
            "Cow: as you breathe in, let your belly drop towards the floor so your back "
            "arches gently, and lift your gaze.",
            "Cat: as you breathe out, round your spine up towards the ceiling and tuck "
            "your chin towards your chest.",
            "Move slowly between the two, only as far as is comfortable.",
        ),
        "breathing_cue": "In for cow (back arches), out for cat (back rounds).",
        "feel": "Your whole back moving gently, from your tailbone to your neck.",
        "caution": "Keep the movement small if it pinches.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "hands_knees",
        "focus": "mobility",
        "gentler": "seated-cat-cow",
        "icon": "cat-cow",
        "illustration_text": (
            "A person on hands and knees breathes in and lets the belly drop so the back "
            "arches and the gaze lifts (cow), then breathes out and rounds the back up "
            "towards the ceiling with the chin tucked (cat)."
        ),
    },
    {
        "slug": "rock-back",
        "name": "Rocking on hands and knees",
        "summary": "Rock your hips back towards your heels and forward again.",
        "starting_position": (
            "On hands and knees: hands under your shoulders, knees under your hips, back "
            "long and flat."
        ),
        "instructions": steps(
            "Keeping your back long, slowly rock your hips back towards your heels.",
            "Go only as far as is comfortable, then rock forward again until your shoulders "
            "are over your hands.",
        ),
        "breathing_cue": "Breathe out as you rock back; breathe in as you come forward.",
        "feel": "A gentle stretch in your lower back and hips.",
        "caution": "Pad your knees with a folded towel if they are sore.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "hands_knees",
        "focus": "mobility",
        "harder": "childs-pose",
        "icon": "rock-back",
        "illustration_text": (
            "A person on hands and knees rocks the hips slowly back towards the heels, arms "
            "staying long, then rocks forward until the shoulders are over the hands."
        ),
    },
    {
        "slug": "childs-pose",
        "name": "Child's pose",
        "summary": "A resting stretch for the back, hips and shoulders.",
        "starting_position": "Kneel on a mat with your big toes together and knees apart.",
        "instructions": steps(
            "Sit your hips back towards your heels.",
            "Walk your hands forward and lower your chest towards the floor.",
            "Rest your forehead on the mat or on a cushion, and let your back relax.",
        ),
        "breathing_cue": "Breathe into your lower back and feel it widen.",
        "feel": "A gentle stretch along your back and hips, and your back widening as you breathe.",
        "caution": "Put a cushion between hips and heels if your knees complain.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "hands_knees",
        "focus": "stretch",
        "gentler": "rock-back",
        "icon": "childs-pose",
        "illustration_text": (
            "A person kneels, sits the hips back towards the heels and lowers the chest with "
            "arms stretched forward and forehead on the mat, and rests there breathing slowly."
        ),
    },
    {
        "slug": "leg-reach",
        "name": "Leg reach on hands and knees",
        "summary": "Slide one leg back while your back stays level.",
        "starting_position": (
            "On hands and knees: hands under your shoulders, knees under your hips, back "
            "flat, tummy gently drawn in."
        ),
        "instructions": steps(
            "Slide one leg straight back along the floor, toes touching the mat, keeping "
            "your back level.",
            "If that is easy, lift the leg to hip height, no higher.",
            "Bring it back under you, then switch legs.",
        ),
        "breathing_cue": "Breathe out as the leg reaches back; breathe in as it returns.",
        "feel": "Your buttock and the muscles along your back working to keep you level.",
        "caution": "Keep your hips level and your back from sagging; lift no higher than your hip.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "hands_knees",
        "focus": "strength",
        "harder": "bird-dog",
        "icon": "leg-reach",
        "illustration_text": (
            "A person on hands and knees slides one leg straight back along the floor and "
            "lifts it to hip height, back level, then brings it back under the hip."
        ),
    },
    {
        "slug": "bird-dog",
        "name": "Bird dog",
        "summary": "Reach one arm forward and the opposite leg back, keeping steady.",
        "starting_position": (
            "On hands and knees: hands under your shoulders, knees under your hips, back "
            "flat, tummy gently drawn in."
        ),
        "instructions": steps(
            "Reach one arm forward and the opposite leg back until both are in line with "
            "your body.",
            "Keep your back level and your hips square to the floor; hold for a breath.",
            "Return to the start and switch sides.",
        ),
        "breathing_cue": "Breathe out as you reach; breathe in as you return.",
        "feel": "Your buttocks, shoulders and the muscles along your spine working together.",
        "caution": "Move slowly; a wobble means reach less far. Keep your eyes on the floor.",
        "stop_if": STOP,
        "equipment": "mat",
        "position": "hands_knees",
        "focus": "strength",
        "gentler": "leg-reach",
        "icon": "bird-dog",
        "illustration_text": (
            "A person on hands and knees reaches one arm forward and the opposite leg back "
            "until both line up with the back, holds, then returns to hands and knees."
        ),
    },
    # --- Sitting on a chair ------------------------------------------------------------
    {
        "slug": "seated-twist",
        "name": "Seated twist",
        "summary": "A gentle turn of the spine you can do on any chair.",
        "starting_position": "Sit tall towards the front of a steady chair, feet flat.",
        "instructions": steps(
            "Place one hand on the outside of the opposite knee and the other on the chair.",
            "Sit tall, then turn your upper body slowly towards the chair-side hand.",
            "Hold gently, come back to the middle, then turn the other way.",
        ),
        "breathing_cue": "Grow tall as you breathe in; turn a little as you breathe out.",
        "feel": "A gentle turn through the middle of your back.",
        "caution": "Turn only as far as is easy; never pull on the knee.",
        "stop_if": STOP,
        "equipment": "chair",
        "position": "sitting",
        "focus": "mobility",
        "icon": "seated-twist",
        "illustration_text": (
            "Seen from the front: a person sits tall on a chair with one hand on the outside "
            "of the opposite knee and turns the shoulders and head slowly to one side while "
            "the knees stay facing forward, then comes back to the middle."
        ),
    },
    {
        "slug": "seated-cat-cow",
        "name": "Seated cat–cow",
        "summary": "Cat–cow on a chair: arch and round your back with your breath.",
        "starting_position": (
            "Sit tall near the front of a steady chair, feet flat, hands resting on your thighs."
        ),
        "instructions": steps(
            "Cow: as you breathe in, roll your pelvis forward so your lower back arches "
            "gently, and lift your chest and gaze.",
            "Cat: as you breathe out, roll your pelvis back, round your back and tuck your chin.",
            "Move slowly between the two.",
        ),
        "breathing_cue": "In for cow (chest lifts, back arches), out for cat (back rounds).",
        "feel": "Your whole back moving gently, from the pelvis up.",
        "caution": "Keep the movement small if it pinches.",
        "stop_if": STOP,
        "equipment": "chair",
        "position": "sitting",
        "focus": "mobility",
        "harder": "cat-cow",
        "icon": "seated-cat-cow",
        "illustration_text": (
            "A person sits on a chair with hands on the thighs, breathes in to arch the back "
            "and lift the chest and gaze (cow), then breathes out to round the back and tuck "
            "the chin (cat)."
        ),
    },
    {
        "slug": "seated-forward-bend",
        "name": "Seated forward bend",
        "summary": "Let your upper body fold gently forward over your knees.",
        "starting_position": (
            "Sit on a steady chair, feet flat and a little wider than your hips, hands on "
            "your knees."
        ),
        "instructions": steps(
            "Slowly let your chest lower towards your thighs, sliding your hands down your shins.",
            "Let your head and arms hang and your back round.",
            "To come up, put your hands on your thighs and push yourself up slowly.",
        ),
        "breathing_cue": "Breathe out as you fold; breathe slowly into your back while you rest.",
        "feel": "A gentle stretch along your back.",
        "caution": "Come up slowly, and sit still for a moment if you feel light-headed.",
        "stop_if": STOP_STANDING,
        "equipment": "chair",
        "position": "sitting",
        "focus": "stretch",
        "harder": "childs-pose",
        "icon": "seated-forward-bend",
        "illustration_text": (
            "A person sitting on a chair slowly folds forward, hands sliding down the shins "
            "and head hanging, rests there, then pushes up through the hands to sit tall."
        ),
    },
    {
        "slug": "seated-figure-four",
        "name": "Seated crossed-leg stretch",
        "summary": "Rest one ankle on the other knee and lean forward for a hip stretch.",
        "starting_position": (
            "Sit tall on a steady chair, feet flat. Rest one ankle on the opposite knee."
        ),
        "instructions": steps(
            "Sit tall and rest a hand lightly on the crossed knee.",
            "Keeping your back long, lean forward slowly from your hips until you feel a "
            "stretch in the buttock of the crossed leg.",
            "Hold without bouncing, sit up, then switch sides.",
        ),
        "breathing_cue": "Breathe out as you lean forward; breathe slowly while you hold.",
        "feel": "A stretch deep in the buttock and hip of the crossed leg.",
        "caution": (
            "If your ankle will not rest on your knee, rest it on your shin. Never press down "
            "on the knee."
        ),
        "stop_if": STOP,
        "equipment": "chair",
        "position": "sitting",
        "focus": "stretch",
        "harder": "knee-to-chest-cross-leg",
        "icon": "seated-figure-four",
        "illustration_text": (
            "A person sits on a chair with one ankle resting on the other knee and leans "
            "forward slowly from the hips with a long back, holds, then sits up."
        ),
    },
    {
        "slug": "seated-knee-hug",
        "name": "Seated knee hug",
        "summary": "Hug one knee towards your chest without getting down to the floor.",
        "starting_position": "Sit tall on a steady chair, feet flat.",
        "instructions": steps(
            "Lift one knee and hold it with both hands, just below the knee or behind the thigh.",
            "Draw it gently towards your chest, staying tall.",
            "Hold, lower the foot slowly, then switch sides.",
        ),
        "breathing_cue": "Breathe out as you draw the knee in; breathe slowly while you hold.",
        "feel": "A gentle stretch in the buttock and lower back of the lifted leg.",
        "caution": "Keep the other foot firmly on the floor; hold the chair if you feel unsteady.",
        "stop_if": STOP,
        "equipment": "chair",
        "position": "sitting",
        "focus": "stretch",
        "harder": "knee-hug",
        "icon": "seated-knee-hug",
        "illustration_text": (
            "A person sits tall on a chair, lifts one knee, holds it with both hands and "
            "draws it towards the chest, holds, then lowers the foot to the floor."
        ),
    },
    {
        "slug": "sit-to-stand",
        "name": "Sit to stand",
        "summary": "Stand up from a chair and sit down again, slowly and under control.",
        "starting_position": (
            "Sit near the front of a steady chair that cannot slide, feet flat and "
            "hip-width apart, a little behind your knees."
        ),
        "instructions": steps(
            "Lean forward from your hips with a long back and press through your feet to stand up.",
            "Stand tall for a moment.",
            "Sit back down slowly, bending at your hips and knees, reaching your bottom back "
            "to the chair.",
            "Use your hands on your thighs or the armrests if you need to.",
        ),
        "breathing_cue": "Breathe out as you stand; breathe in as you sit down.",
        "feel": "Your thighs and buttocks working.",
        "caution": "Use a chair that cannot slide, and your hands if you need them.",
        "stop_if": STOP_STANDING,
        "equipment": "chair",
        "position": "sitting",
        "focus": "strength",
        "icon": "sit-to-stand",
        "illustration_text": (
            "A person sitting on a chair leans forward from the hips, stands up tall, then "
            "sits back down slowly."
        ),
    },
    # --- Standing ----------------------------------------------------------------------
    {
        "slug": "standing-back-bend",
        "name": "Standing back bend",
        "summary": "A small, gentle lean backwards, standing with your hands on your hips.",
        "starting_position": (
            "Stand tall, feet hip-width apart, hands on the back of your hips, fingers "
            "pointing down."
        ),
        "instructions": steps(
            "Keeping your knees soft, lean back gently from the waist, looking slightly up.",
            "Go only a short way, as far as is comfortable, and pause for a second.",
            "Come back up to standing tall.",
        ),
        "breathing_cue": "Breathe in as you lean back; breathe out as you come up.",
        "feel": "A gentle arch in your lower back.",
        "caution": (
            "Keep it small. Some people find bending backwards uncomfortable; if it makes "
            "your back feel worse, leave it out."
        ),
        "stop_if": STOP_BENDING_BACK + " Stop, too, if you feel dizzy.",
        "equipment": "none",
        "position": "standing",
        "focus": "mobility",
        "harder": "sphinx",
        "icon": "standing-back-bend",
        "illustration_text": (
            "A person stands with hands on the back of the hips, leans back a little from "
            "the waist looking slightly up, then comes back to standing tall."
        ),
    },
    {
        "slug": "standing-cat-cow",
        "name": "Standing cat–cow",
        "summary": "Cat–cow standing up, with your hands on your thighs.",
        "starting_position": (
            "Stand with feet hip-width apart, knees soft, and lean forward a little with "
            "your hands resting on your thighs just above the knees."
        ),
        "instructions": steps(
            "Cow: as you breathe in, tip your tailbone back so your back arches gently, and "
            "lift your chest and gaze.",
            "Cat: as you breathe out, tuck your tailbone under, round your back and tuck "
            "your chin.",
            "Move slowly between the two.",
        ),
        "breathing_cue": "In for cow (back arches), out for cat (back rounds).",
        "feel": "Your back moving gently from the tailbone to the neck.",
        "caution": "Keep the movement small if it pinches, and your knees soft.",
        "stop_if": STOP_STANDING,
        "equipment": "none",
        "position": "standing",
        "focus": "mobility",
        "harder": "cat-cow",
        "icon": "standing-cat-cow",
        "illustration_text": (
            "A person stands leaning forward with hands on the thighs, breathes in to arch "
            "the back and lift the gaze (cow), then breathes out to round the back and tuck "
            "the chin (cat)."
        ),
    },
    {
        "slug": "standing-side-bend",
        "name": "Standing side bend",
        "summary": "Slide a hand down the side of your leg to stretch your waist.",
        "starting_position": "Stand tall, feet hip-width apart, arms by your sides.",
        "instructions": steps(
            "Slide one hand slowly down the side of your leg, bending to that side.",
            "Keep both feet flat and do not lean forward or back.",
            "Come back up tall, then bend to the other side.",
        ),
        "breathing_cue": "Breathe out as you bend; breathe in as you come up.",
        "feel": "A stretch along the other side of your waist and back.",
        "caution": "Bend only as far as is comfortable and keep your hips still.",
        "stop_if": STOP_STANDING,
        "equipment": "none",
        "position": "standing",
        "focus": "stretch",
        "icon": "standing-side-bend",
        "illustration_text": (
            "Seen from the front: a person stands tall and slides one hand down the side of "
            "the leg, bending to that side, then comes back up and bends to the other side."
        ),
    },
    {
        "slug": "hip-hinge",
        "name": "Hip hinge",
        "summary": "Bend forward from the hips with a long back, then stand tall.",
        "starting_position": "Stand tall, feet hip-width apart, knees soft, hands on your hips.",
        "instructions": steps(
            "Push your hips back and let your chest tip forward, keeping your back long and "
            "straight.",
            "Go only as far as your back stays straight, with a slight bend in the knees.",
            "Squeeze your buttocks and bring your hips forward to stand tall again.",
        ),
        "breathing_cue": "Breathe in as you hinge forward; breathe out as you stand up.",
        "feel": "The backs of your thighs stretching, and your buttocks working as you stand up.",
        "caution": "Bend your knees a little more if your back starts to round.",
        "stop_if": STOP_STANDING,
        "equipment": "none",
        "position": "standing",
        "focus": "strength",
        "icon": "hip-hinge",
        "illustration_text": (
            "A person stands with hands on the hips, pushes the hips back and tips the chest "
            "forward with a straight back and soft knees, then stands tall again."
        ),
    },
    {
        "slug": "standing-knee-lifts",
        "name": "Standing knee lifts",
        "summary": "Lift one knee, then the other, holding a chair for balance.",
        "starting_position": (
            "Stand tall beside a steady chair or a worktop, one hand resting on it for balance."
        ),
        "instructions": steps(
            "Lift one knee slowly towards hip height, or as high as is comfortable, keeping "
            "your back tall.",
            "Lower it with control, then lift the other knee.",
            "Keep going at an easy, steady pace.",
        ),
        "breathing_cue": "Breathe steadily and easily; never hold your breath.",
        "feel": "Your hips and tummy muscles working, and your balance.",
        "caution": "Hold on for balance, and lift the knee lower if your back leans back.",
        "stop_if": STOP_STANDING,
        "equipment": "chair",
        "position": "standing",
        "focus": "strength",
        "icon": "standing-knee-lifts",
        "illustration_text": (
            "A person stands tall holding the back of a chair with one hand and lifts one "
            "knee slowly towards hip height, lowers it, then lifts the other."
        ),
    },
]

# Steps: (exercise slug, mode, seconds, repetitions, per_side, get_ready, rest)
ROUTINES = [
    {
        "slug": "morning-mobility",
        "title": "Morning mobility",
        "summary": "Wake up a stiff back gently before the day starts.",
        "when_to_use": "In the morning, on a mat beside the bed",
        "difficulty": "gentle",
        "position": 1,
        "steps": [
            ("pelvic-tilt", "reps", 40, 10, False, 5, 10),
            ("knee-rocks", "continuous", 45, None, False, 5, 10),
            ("knee-to-chest-cross-leg", "hold", 30, None, True, 5, 10),
            ("cat-cow", "reps", 50, 8, False, 10, 10),
            ("childs-pose", "hold", 30, None, False, 5, 0),
        ],
    },
    {
        "slug": "quick-reset",
        "title": "Three-minute reset",
        "summary": "A quick standing loosener for any time your back feels stiff.",
        "when_to_use": "Anywhere, standing up, no equipment",
        "difficulty": "gentle",
        "position": 2,
        "steps": [
            ("standing-cat-cow", "reps", 45, 6, False, 5, 5),
            ("standing-side-bend", "hold", 20, None, True, 5, 5),
            ("standing-back-bend", "reps", 30, 5, False, 5, 5),
            ("hip-hinge", "reps", 30, 6, False, 5, 0),
        ],
    },
    {
        "slug": "desk-break",
        "title": "Desk break",
        "summary": "A few minutes to undo long sitting: start on your chair, end on the floor.",
        "when_to_use": "During the working day, beside your desk",
        "difficulty": "gentle",
        "position": 3,
        "steps": [
            ("seated-twist", "hold", 30, None, True, 5, 10),
            ("cat-cow", "reps", 50, 8, False, 10, 10),
            ("childs-pose", "hold", 30, None, False, 10, 0),
        ],
    },
    {
        "slug": "long-sitting",
        "title": "After long sitting",
        "summary": "Loosen a back that has sat too long, without leaving your chair.",
        "when_to_use": "At your desk, in the car park, on a train: a chair is all you need",
        "difficulty": "gentle",
        "position": 4,
        "steps": [
            ("seated-cat-cow", "reps", 50, 8, False, 5, 10),
            ("seated-twist", "hold", 20, None, True, 5, 10),
            ("seated-figure-four", "hold", 30, None, True, 10, 10),
            ("seated-knee-hug", "hold", 20, None, True, 5, 10),
            ("seated-forward-bend", "hold", 30, None, False, 5, 10),
            ("sit-to-stand", "reps", 40, 8, False, 5, 0),
        ],
    },
    {
        "slug": "standing-only",
        "title": "Standing only",
        "summary": "Done entirely on your feet, for days when getting down to the floor is hard.",
        "when_to_use": "Standing, with a chair or worktop to hold",
        "difficulty": "gentle",
        "position": 5,
        "steps": [
            ("standing-knee-lifts", "continuous", 45, None, False, 5, 10),
            ("standing-cat-cow", "reps", 50, 8, False, 5, 10),
            ("hip-hinge", "reps", 40, 8, False, 5, 10),
            ("standing-side-bend", "hold", 20, None, True, 5, 10),
            ("standing-back-bend", "reps", 30, 5, False, 5, 0),
        ],
    },
    {
        "slug": "evening-release",
        "title": "Evening release",
        "summary": "Ease the day's tension out of your back and hips before bed.",
        "when_to_use": "In the evening, with a foam roller and a mat",
        "difficulty": "moderate",
        "position": 6,
        "steps": [
            ("foam-roller-upper-back", "continuous", 60, None, False, 10, 15),
            ("foam-roller-glutes", "continuous", 45, None, True, 10, 15),
            ("glute-bridge", "reps", 40, 10, False, 10, 15),
            ("knee-to-chest-cross-leg", "hold", 30, None, True, 10, 10),
            ("cat-cow", "reps", 50, 8, False, 10, 10),
            ("knee-rocks", "continuous", 45, None, False, 5, 10),
            ("childs-pose", "hold", 45, None, False, 5, 0),
        ],
    },
    {
        "slug": "lying-wind-down",
        "title": "Lying-down wind-down",
        "summary": "Slow, gentle stretches you can do lying on your back, even on a firm bed.",
        "when_to_use": "At bedtime, or on a day when your back wants rest",
        "difficulty": "gentle",
        "position": 7,
        "steps": [
            ("knee-hug", "hold", 30, None, True, 5, 10),
            ("knee-rocks", "continuous", 45, None, False, 5, 10),
            ("lying-twist", "hold", 30, None, True, 5, 10),
            ("pelvic-tilt", "reps", 40, 10, False, 5, 10),
            ("knee-to-chest-cross-leg", "hold", 30, None, True, 5, 0),
        ],
    },
    {
        "slug": "gentle-strength",
        "title": "Gentle strength",
        "summary": "Wake up the muscles that support your back, slowly and steadily.",
        "when_to_use": "On a mat, a few times a week",
        "difficulty": "gentle",
        "position": 8,
        "steps": [
            ("pelvic-tilt", "reps", 40, 10, False, 5, 10),
            ("glute-bridge", "reps", 50, 10, False, 5, 15),
            ("heel-slides", "reps", 45, 6, True, 5, 10),
            ("leg-reach", "reps", 40, 6, True, 10, 10),
            ("childs-pose", "hold", 30, None, False, 5, 0),
        ],
    },
    {
        "slug": "roller-release",
        "title": "Foam roller: back and hips",
        "summary": "Release your upper back and hips with a foam roller, then stretch.",
        "when_to_use": "With a foam roller and a mat, after a long day",
        "difficulty": "moderate",
        "position": 9,
        "steps": [
            ("foam-roller-upper-back", "continuous", 60, None, False, 10, 15),
            ("foam-roller-extension", "reps", 40, 6, False, 10, 15),
            ("foam-roller-glutes", "continuous", 45, None, True, 10, 15),
            ("knee-hug", "hold", 30, None, True, 5, 10),
            ("childs-pose", "hold", 40, None, False, 10, 0),
        ],
    },
    {
        "slug": "stronger-back",
        "title": "Stronger back",
        "summary": "A step up from gentle strength, for when it feels easy.",
        "when_to_use": "On a mat, once gentle strength feels easy",
        "difficulty": "moderate",
        "position": 10,
        "steps": [
            ("glute-bridge", "reps", 50, 10, False, 5, 15),
            ("single-leg-bridge", "reps", 40, 6, True, 5, 15),
            ("bird-dog", "reps", 50, 6, True, 10, 15),
            ("dead-bug", "reps", 50, 8, False, 10, 15),
            ("rock-back", "reps", 40, 8, False, 5, 10),
            ("childs-pose", "hold", 40, None, False, 5, 0),
        ],
    },
]
