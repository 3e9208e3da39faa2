"""The words of the benchmark corpus (bench/corpus.py): filler phrases that make no medical claim.

Titles are built from topic × audience × angle, sentences from subject, verb, object and
clause; the rest fills lists, tables, quotes, image and video titles. Every web address
the corpus writes is on the documentation domains ``example.org``, ``example.com`` and
``example.net`` (reserved for examples), and every source is an "Example" one.
"""

from __future__ import annotations


def _phrases(text: str) -> tuple[str, ...]:
    """One phrase per non-empty line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


TOPICS = _phrases("""
Sleep
Testosterone
Blood Pressure
Cholesterol
Prostate Health
Back Pain
Knee Pain
Running
Strength Training
Stretching
Hydration
Protein
Fibre
Alcohol
Caffeine
Stress
Anxiety
Depression
Burnout
Loneliness
Weight Loss
Belly Fat
Blood Sugar
Heart Health
Posture
Hearing
Eyesight
Skin Care
Hair Loss
Dental Health
Gut Health
Vitamin D
Magnesium
Omega-3
Fasting
Walking
Cycling
Swimming
Mobility
Balance
Recovery
Snoring
Sleep Apnoea
Screen Time
Sitting
Desk Work
Night Shifts
Travel
Cold Exposure
Sauna
Breathing
Meditation
Fatherhood
Retirement
Grief
Anger
Motivation
Habits
Check-ups
Vaccines
""")
ANGLES = _phrases("""
What Actually Helps
A Practical Guide
Common Mistakes
Myths and Facts
Where to Start
A Weekly Plan
Questions to Ask Your Doctor
Warning Signs
The Basics
Small Changes That Add Up
What to Track
How Much Is Enough
When to Worry
A Beginner's Routine
Getting Back on Track
At Home
""")
AUDIENCES = (
    "",
    *(
        " " + a
        for a in _phrases("""
After 40
After 50
in Your 30s
for Busy Men
for Desk Workers
for Runners
for New Fathers
for Shift Workers
for Beginners
""")
    ),
)
TAGS = _phrases("""
sleep
nutrition
fitness
mental-health
heart
hormones
ageing
prevention
recovery
stress
weight
habits
running
strength
mobility
diet
supplements
check-ups
work
family
relationships
pain
energy
focus
outdoors
travel
screening
longevity
motivation
routine
hydration
breathing
posture
skin
digestion
blood-pressure
metabolism
mindfulness
social
men-over-40
""")
SUBJECTS = _phrases("""
Daily movement
A steady schedule
A simple routine
Your doctor
A short walk
Regular sleep
A balanced plate
Steady training
A good coach
Your body
A weekly check
A small habit
Consistent effort
A rest day
Careful tracking
A calm evening
An honest conversation
A written plan
""")
VERBS = _phrases("""
improves
supports
changes
protects
reveals
shapes
strengthens
steadies
affects
restores
clarifies
eases
builds
balances
""")
OBJECTS = _phrases("""
energy during the day
recovery after hard sessions
mood over the week
focus at work
long-term health
the quality of sleep
how you handle stress
appetite and cravings
blood pressure readings
joint comfort
the way you breathe
motivation on difficult days
resting heart rate
digestion after meals
confidence in the gym
patience at home
""")
CLAUSES = _phrases("""
when it is repeated for several weeks
even if progress feels slow at first
as long as the basics are in place
which matters more than any single trick
especially for men who sit most of the day
without expensive equipment
if you start small and stay consistent
once the routine feels normal
and the effect builds over months
while leaving room for rest
because the body adapts to steady demands
more than most people expect
""")
OPENERS = _phrases("""
In practice,
For most men,
Over time,
On busy weeks,
Put simply,
As a rule,
Just as important,
At the same time,
In the long run,
Often,
""")
LIST_ITEMS = _phrases("""
Keep a regular bedtime, even at weekends
Drink a glass of water with every meal
Walk for ten minutes after dinner
Write down one goal for the week
Book the check-up you have been putting off
Stretch your hips and back each morning
Swap one sugary drink for water
Lift something heavy twice a week
Turn screens off an hour before sleep
Eat vegetables with lunch and dinner
Call a friend instead of scrolling
Take the stairs when you can
Keep alcohol to a few evenings a week
Note how you feel after training
Plan meals for the next three days
Spend twenty minutes outdoors in daylight
""")
SECTION_TITLES = _phrases("""
Why It Matters
What Changes With Age
Getting Started
A Simple Routine
What to Eat
How to Train
Rest and Recovery
Tracking Progress
When to See a Doctor
Common Pitfalls
Making It Stick
At Work
At Home
With Your Partner
On the Road
Putting It Together
""")


FREQUENCIES = _phrases("""
Daily
Twice a week
Every evening
Once a month
Each morning
Three times a week
At weekends
After meals
Every other day
Once a year
""")
TABLE_HEADS = (
    ("Habit", "How often", "What it helps"),
    ("Change", "When", "What you may notice"),
    ("Step", "How often", "Why it matters"),
)
QUOTE_LABELS = _phrases("""
Tip
Note
Remember
In short
Worth knowing
""")
LINK_TEXTS = _phrases("""
this guide
our article on it
a related piece
the longer explanation
more on this
the basics
a step-by-step plan
""")
EXTERNAL_TEXTS = _phrases("""
a public health overview
guidance from a health service
an independent explainer
the full guidance
a plain-language summary
a patient information leaflet
""")
EXTERNAL_HOSTS = ("example.org", "example.com", "example.net")
SOURCE_KINDS = _phrases("""
Review
Guideline
Survey
Report
Fact Sheet
Overview
""")
PUBLISHERS = _phrases("""
Example Journal of Men's Health
Example Health Agency
Example Medical Review
Example Public Health Institute
""")
AUTHORS = _phrases("""
Example Author
Example Author, Example Reviewer
Example Research Group
""")
IMAGE_ALTS = _phrases("""
A chart of a typical week of activity
A man stretching before a morning run
A plate with vegetables, fish and rice
A quiet bedroom with the curtains drawn
A notebook with a simple weekly plan
A man walking in a park at dusk
A glass of water beside a desk
A pair of running shoes by the door
""")
VIDEO_TITLES = _phrases("""
A ten-minute mobility routine
How to stretch your hips at your desk
Breathing exercises for a calmer evening
A beginner's guide to strength training
Setting up a simple walking habit
What happens at a routine check-up
""")
