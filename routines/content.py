"""The starting library, written for BackEase from ../shared/CONTENT.md.

It corrects the source article: cat–cow is named the right way round, the foam
roller is never rolled face down or straight over the lower spine, and nothing
here tries to "crack" the back. The data migration loads it once; after that the
content is edited in the admin.
"""

STOP_LEG = "Stop if pain spreads down your leg, or you feel numbness or tingling."

EXERCISES = [
    {
        "slug": "foam-roller-upper-back",
        "name": "Foam roller: upper back",
        "summary": "Gentle rolling of the mid and upper back with your hips on the floor.",
        "starting_position": (
            "Lie face up with a foam roller across your back, just below the shoulder "
            "blades. Knees bent, feet flat, hips resting on the floor. Cross your arms "
            "over your chest."
        ),
        "instructions": (
            "Lift your hips only slightly, or keep them down if that is more comfortable.\n"
            "Push gently through your feet to roll a few centimetres up and down your "
            "mid and upper back.\n"
            "Keep the roller above your lower back: do not roll over the small of your back.\n"
            "Move slowly and keep the pressure comfortable."
        ),
        "breathing_cue": "Breathe slowly and evenly; let your back soften on each out-breath.",
        "caution": ("Keep the roller off your lower back. Stop if anything hurts. " + STOP_LEG),
        "icon": "foam-roller-back",
    },
    {
        "slug": "foam-roller-glutes",
        "name": "Foam roller: seat and hips",
        "summary": "Sit on the roller to ease tight buttock and hip muscles.",
        "starting_position": (
            "Sit on a foam roller with your hands on the floor behind you for support. "
            "Cross one ankle over the opposite knee."
        ),
        "instructions": (
            "Lean a little towards the side of the crossed leg.\n"
            "Roll slowly back and forth over the buttock muscle, a few centimetres at a time.\n"
            "If you find a tender spot, pause there and breathe; keep the pressure gentle."
        ),
        "breathing_cue": "Breathe out as you settle onto a tender spot.",
        "caution": "Keep any pressure gentle and stop on pain. " + STOP_LEG,
        "icon": "foam-roller-seat",
    },
    {
        "slug": "knee-to-chest-cross-leg",
        "name": "Knee-to-chest with crossed leg",
        "summary": "A lying stretch for the buttock and lower back, one side at a time.",
        "starting_position": (
            "Lie on your back on a mat, knees bent and feet flat. Rest your head on the floor "
            "or a thin cushion."
        ),
        "instructions": (
            "Cross one ankle over the opposite knee.\n"
            "Hold the back of the lower thigh with both hands and gently draw that knee "
            "towards your chest until you feel a stretch in the buttock and lower back.\n"
            "Hold still, without bouncing. Keep your head and shoulders relaxed on the floor.\n"
            "Lower slowly, then switch sides."
        ),
        "breathing_cue": "Breathe slowly; ease a little further only as you breathe out.",
        "caution": "A mild stretch only, never pain. " + STOP_LEG,
        "icon": "knee-to-chest",
    },
    {
        "slug": "cat-cow",
        "name": "Cat–cow",
        "summary": "Slow, breath-led rounding and arching of the spine on hands and knees.",
        "starting_position": (
            "On hands and knees: hands under your shoulders, knees under your hips, "
            "back flat. Pad your knees with a folded towel if you need to."
        ),
        "instructions": (
            "Cow: as you breathe in, let your belly drop towards the floor so your back "
            "arches gently, and lift your gaze.\n"
            "Cat: as you breathe out, round your spine up towards the ceiling and tuck "
            "your chin towards your chest.\n"
            "Move slowly between the two, only as far as is comfortable."
        ),
        "breathing_cue": "In for cow (back arches), out for cat (back rounds).",
        "caution": "Keep the movement small if it pinches. " + STOP_LEG,
        "icon": "cat-cow",
    },
    {
        "slug": "pelvic-tilt",
        "name": "Pelvic tilt",
        "summary": "A small rocking of the pelvis that wakes up the lower back gently.",
        "starting_position": "Lie on your back, knees bent, feet flat and hip-width apart.",
        "instructions": (
            "Tighten your tummy muscles gently and flatten the small of your back "
            "into the floor, tilting your pelvis up a little.\n"
            "Hold for a moment, then relax back to the start.\n"
            "Keep your buttocks on the floor; the movement is small."
        ),
        "breathing_cue": "Breathe out as you flatten your back; breathe in as you relax.",
        "caution": "Keep it small and easy. " + STOP_LEG,
        "icon": "pelvic-tilt",
    },
    {
        "slug": "childs-pose",
        "name": "Child's pose",
        "summary": "A resting stretch for the back, hips and shoulders.",
        "starting_position": "Kneel on a mat with your big toes together and knees apart.",
        "instructions": (
            "Sit your hips back towards your heels.\n"
            "Walk your hands forward and lower your chest towards the floor.\n"
            "Rest your forehead on the mat or on a cushion, and let your back relax."
        ),
        "breathing_cue": "Breathe into your lower back and feel it widen.",
        "caution": ("Put a cushion between hips and heels if your knees complain. " + STOP_LEG),
        "icon": "childs-pose",
    },
    {
        "slug": "knee-rocks",
        "name": "Knee rocks (lower-trunk rotation)",
        "summary": "Let both knees sway gently from side to side to loosen the lower back.",
        "starting_position": (
            "Lie on your back, knees bent and together, feet flat. Arms out to the sides."
        ),
        "instructions": (
            "Keeping your shoulders on the floor, let both knees sway slowly to one side.\n"
            "Go only as far as is comfortable, then bring them back through the middle "
            "to the other side.\n"
            "Keep the movement smooth and unhurried."
        ),
        "breathing_cue": "Breathe out as your knees lower; breathe in as they come back.",
        "caution": "A gentle sway, not a forced twist. " + STOP_LEG,
        "icon": "knee-rocks",
    },
    {
        "slug": "glute-bridge",
        "name": "Glute bridge",
        "summary": "Lift the hips to strengthen the buttocks that support your back.",
        "starting_position": "Lie on your back, knees bent, feet flat and hip-width apart.",
        "instructions": (
            "Squeeze your buttocks and lift your hips until your body makes a line "
            "from shoulders to knees.\n"
            "Pause for a moment at the top without arching your lower back.\n"
            "Lower slowly, one part of the spine at a time."
        ),
        "breathing_cue": "Breathe out as you lift; breathe in as you lower.",
        "caution": "Lift only as high as feels easy. " + STOP_LEG,
        "icon": "glute-bridge",
    },
    {
        "slug": "seated-twist",
        "name": "Seated twist",
        "summary": "A gentle turn of the spine you can do on any chair.",
        "starting_position": "Sit tall towards the front of a steady chair, feet flat.",
        "instructions": (
            "Place one hand on the outside of the opposite knee and the other on the chair.\n"
            "Sit tall, then turn your upper body slowly towards the chair-side hand.\n"
            "Hold gently, come back to the middle, then turn the other way."
        ),
        "breathing_cue": "Grow tall as you breathe in; turn a little as you breathe out.",
        "caution": "Turn only as far as is easy; never pull on the knee. " + STOP_LEG,
        "icon": "seated-twist",
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
        "slug": "desk-break",
        "title": "Desk break",
        "summary": "A few minutes to undo long sitting: start on your chair, end on the floor.",
        "when_to_use": "During the working day, beside your desk",
        "difficulty": "gentle",
        "position": 2,
        "steps": [
            ("seated-twist", "hold", 30, None, True, 5, 10),
            ("cat-cow", "reps", 50, 8, False, 10, 10),
            ("childs-pose", "hold", 30, None, False, 10, 0),
        ],
    },
    {
        "slug": "evening-release",
        "title": "Evening release",
        "summary": "Ease the day's tension out of your back and hips before bed.",
        "when_to_use": "In the evening, with a foam roller and a mat",
        "difficulty": "moderate",
        "position": 3,
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
]
