"""Relative dates resolved against publication; none guessed without one."""

from __future__ import annotations

import pytest

from crosscheck.analyze import analyze
from crosscheck.records import Article

FRIDAY = "2025-03-14T09:00:00Z"


def analysed(text: str, published: str | None = FRIDAY):
    return analyze(Article("t", "test", text, "h", published=published))


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("A drone struck the market on Thursday, killing 23 civilians.", "2025-03-13"),
        ("Gunmen opened fire last Saturday outside a bar.", "2025-03-08"),
        # A bare weekday six days back is not how copy says "last Saturday": it is the day
        # after a publication stamp taken early, or a date ahead.
        ("Two men shot Friday will be arraigned Saturday, police said.", "2025-03-14"),
        # Same weekday as publication: the same day, not a week earlier.
        ("Two people were wounded in a shooting on Friday morning.", "2025-03-14"),
        ("Three people were shot last night in the 400 block of Elm Street.", "2025-03-13"),
        ("The shooting happened on March 9 at about 2 a.m.", "2025-03-09"),
        # A January report of a "December 30" shooting means the previous year.
        ("Police said the December 30 shooting was gang related.", None),
    ],
)
def test_event_day_from_the_lead(lead, day):
    published = "2026-01-03" if "December" in lead else FRIDAY
    result = analysed(lead, published)
    assert result.event_date == (day or "2025-12-30")


def test_without_a_publication_date_relative_days_are_kept_unresolved():
    result = analysed(
        "A drone struck the market on Thursday. It was March 13, 2025 by the calendar.", None
    )
    mentions = {m.span.text: m.resolved for m in result.dates}
    assert mentions["on Thursday"] is None
    assert mentions["March 13, 2025"] == "2025-03-13"
    assert result.event_date == "2025-03-13"


def test_lead_dates_long_before_publication_fall_back_to_publication_day():
    result = analysed("The victim, born June 2, 1990, was shot Sunday.", "2025-03-14")
    assert result.event_date == "2025-03-09"


def test_date_spans_point_at_the_text():
    text = "Shots rang out late Tuesday near the school."
    [mention] = analysed(text).dates
    assert text[mention.span.start : mention.span.end] == "late Tuesday"
    assert mention.resolved == "2025-03-11"


@pytest.mark.parametrize(
    ("phrase", "resolved", "granularity"),
    [
        ("last December", "2024-12-01", "month"),
        ("three months ago", "2024-12-01", "month"),
        ("two weeks ago", "2025-02-28", "week"),
        ("Monday night", "2025-03-10", "day"),
        ("December 2023", "2023-12-01", "month"),
    ],
)
def test_month_and_interval_expressions(phrase, resolved, granularity):
    mentions = analysed(f"The village was shelled {phrase}, residents said.").dates
    assert [(m.span.text.lower(), m.resolved, m.granularity) for m in mentions] == [
        (phrase.lower(), resolved, granularity)
    ]


def test_month_expressions_without_publication_date_stay_unresolved():
    mentions = analysed("The village was shelled last December, three months ago.", None).dates
    assert [m.resolved for m in mentions] == [None, None]


def test_a_month_expression_does_not_become_the_event_day():
    result = analysed("Fighting that began last December flared again on Thursday.")
    assert result.event_date == "2025-03-13"


def test_a_lead_without_a_date_takes_the_bodys_first_day_of_the_past_week():
    lead = "Police are investigating a shooting. Officers were called to Elm Street. "
    lead += "A man was taken to hospital. "
    recent = analysed(lead + "Neighbours said the shots rang out late Tuesday.")
    assert recent.event_date == "2025-03-11"
    # A body date weeks back is another event (a previous arrest): the publication day.
    older = analysed(lead + "The man had been arrested on February 20 for burglary.")
    assert older.event_date == "2025-03-14"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # A follow-up: the arrest is this week, the killing is dated further down.
        (
            "A second suspect was arrested in Houston on Friday after a month on the run. "
            "He was extradited on Monday. Police said Dion Carter, 22, was gunned down on "
            "Jan. 19 at a car wash.",
            "2025-01-19",
        ),
        # Charged this week for "a November 29 shooting": the shooting's day.
        (
            "Police said a teenager was charged Tuesday with first-degree murder. The charges "
            "stem from a November 29 shooting on Elm Street.",
            "2024-11-29",
        ),
        # A sentence naming both the shooting and the identification does not date the
        # shooting by itself: the lead's earliest day stands.
        (
            "The three people killed in a workplace shooting Thursday were identified Friday. "
            "The victims had worked there for years.",
            "2025-03-13",
        ),
        # "the March 1 death", "the June 29 gunfight": the date names the incident.
        (
            "A teenager was charged Monday in the Jan. 5 death of his best friend, "
            "prosecutors said. His next hearing is set for Tuesday.",
            "2025-01-05",
        ),
        (
            "Witnesses testified on Wednesday. Two men were arrested days after the Jan. 20 "
            "gunfight.",
            "2025-01-20",
        ),
    ],
)
def test_a_follow_up_is_dated_by_its_incident_not_its_arrest(text, day):
    assert analysed(text).event_date == day


def test_the_words_next_to_a_date_say_what_it_dates():
    # The lead also tells of the arrest, but "found dead Friday" dates the killing; the
    # earlier shooting recalled further down is not this one.
    text = (
        "Police say three people found dead Friday night in their home were shot to death, "
        "and a neighbour has been arrested. Officers had been called to the house after a "
        "shooting on Feb. 2, police said."
    )
    assert analysed(text).event_date == "2025-03-14"
    # A vigil held on Saturday for victims killed on Friday.
    vigil = "A vigil was held Saturday evening for three victims who were shot and killed Friday."
    assert analysed(vigil, "2025-03-16").event_date == "2025-03-14"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # The hunt for the gunmen is Tuesday's; the shooting was Saturday's.
        ("Police were searching late Tuesday for two suspects in a shooting that left four "
         "people wounded outside a nightclub. The suspects pulled guns around 10:45 p.m. "
         "Saturday in front of the club.", "2025-03-08"),
        # An update, a turning-in and a telling are days after the shooting.
        ("A boy may lose his eye. When his grandmother returned home Saturday night, she saw "
         "him bleeding. Officers came. A police update Monday included photos of the "
         "vehicles in the lot at the time of the shooting.", "2025-03-08"),
        ("A teenager was arrested Saturday night after police say he accidentally shot "
         "another teen. Police told reporters Sunday evening that the shooting occurred in "
         "his apartment.", "2025-03-08"),
        ("A 19-year-old turned himself in to detectives Tuesday to face charges in the "
         "shooting of a 14-year-old, police said. The boy had been walking home with a friend "
         "on Sunday night.", "2025-03-09"),
        # A gunshot wound or a killing beside the date dates the shooting; a day a scene
        # lasted "until" dates no shooting.
        ("Police voiced concern about guns on social media on Monday. Officers gave no names. "
         "The family asked for privacy. Police say an 18-year-old died after suffering a "
         "gunshot wound to the head on March 2.", "2025-03-02"),
        ("A gunman sprayed bullets into a crowd at a vigil, killing a teen on Saturday, police "
         "said. Detectives stayed where the shooting happened until Monday.", "2025-03-08"),
        # "Since Friday" starts a count over several shootings; it dates none of them.
        ("A 7-year-old boy was shot and killed Saturday night while celebrating with his "
         "family. By Sunday, seven people had been killed in 33 separate shooting incidents "
         "since Friday.", "2025-03-08"),
        # A source ("according to court documents") is no hearing: the call dates the shooting.
        ("Prosecutors announced charges against the father on Friday, according to a news "
         "release. The boy remains in hospital. Doctors expect him to live. On Feb. 13, "
         "officers with the Indianapolis Metropolitan Police Department were called to a "
         "home on reports of a person shot, according to court documents.", "2025-02-13"),
        # "The morning of", "the early morning hours of": a narrative's day.
        ("Police announced charges on Monday. The woman is in jail. The family is grieving. "
         "The document said the morning of March 6 started with an argument over money, "
         "and the boy was shot.", "2025-03-06"),
        # Gunfire beside the day dates it, though a death follows.
        ("A man has been arrested. Neighbours said they were shocked. The street was quiet on "
         "Tuesday. Davis was charged in the killing, police said Monday afternoon. The two "
         "victims died after gunfire rang out early Sunday in the parking lot of an "
         "apartment complex.", "2025-03-09"),
        # The hour beside the day is the shooting's, though police told of it.
        ("A gunman is still at large. Neighbours are afraid. Schools stayed open. Watch our "
         "report this morning. Police said around 7 p.m. on Saturday the man drove to the "
         "street and opened fire, hitting three people.", "2025-03-08"),
        # Not an hour a span starts at: "hadn't been seen since 10 p.m. on Saturday".
        ("A teen was charged in the death of his sister, police said Monday. Police were "
         "called Monday morning, when the family said she hadn't been seen since 10 p.m. on "
         "Saturday. She was found dead Monday afternoon in a field.", "2025-03-10"),
        # A lawsuit two and a half years on recalls the day of the shooting.
        ("The family is suing the range. Instructor Charles Vacca was shot and killed by a girl "
         "firing an Uzi at the range on Aug. 25, 2022.", "2022-08-25"),
        # The body found dates the death, before the day the boy was last seen.
        ("Deputies are investigating the death of 15-year-old Caleb Ward, whose body was "
         "found on March 2. Deputies arrested a man for obstruction of justice Sunday morning. "
         "The sheriff asked for patience. A second man is sought. The boy was last seen the "
         "night of March 1.", "2025-03-02"),
        # Hearing gunshots is no court hearing.
        ("A man pleaded guilty. Neighbors were relieved. The court adjourned. On March 2 at "
         "about 10 p.m., neighbors reported hearing gunshots near the lake.", "2025-03-02"),
        # "Out of critical condition Sunday" tells of the wounded since; the fire Saturday of the crime.
        ("Two deputies were out of critical condition Sunday, while the man accused of shooting them was charged with murder. The sheriff spoke. The town mourned. The body was found in a mobile home that had been set on fire Saturday before a man with a shotgun walked down the street.", "2025-03-08"),
        # A march on Tuesday came after the shooting it protested.
        ("Nearly 1,000 people marched to City Hall on Tuesday, less than a day after five protesters were shot. Police made arrests. The mayor spoke. The gunfire erupted around 10:45 p.m. Monday near the precinct.", "2025-03-10"),
        # An arrest dates no shooting where the body tells of a day no such word dates.
        ("The officer is recovering. His family thanked the public. Charges were filed. Police say a suspect was arrested Sunday and named the two men. Monday, police surrounded a house where the two were inside.", "2025-03-10"),
        # An hour after the day is the shooting's, though police told of it.
        ("Relatives have pleaded for help. The boy is in hospital. The party was crowded. The family met reporters on Monday. Saturday night, after 10:30 p.m., police said someone inside an SUV opened fire at the teens.", "2025-03-08"),
        # The shooting struck a vigil: the vigil's day is the shooting's.
        ("A gunman opened fire minutes into a vigil Monday evening, wounding five people. Police gave no motive. The street was closed. Neighbors were shaken. The vigil was for a man killed Sunday.", "2025-03-10"),
    ],
)  # fmt: skip
def test_the_words_around_a_day_tell_the_shooting_s_day_from_the_aftermath_s(text, day):
    """What came after the shooting (a hunt, a telling, a march, a hearing) does not date it;
    what the shooting was (gunfire, a body found, an hour, a gathering it struck) does."""
    assert analysed(text, "2025-03-11").event_date == day


def test_a_day_no_word_ties_to_the_shooting_is_a_guess():
    told = analysed("Two men were shot on Sunday night outside a bar.", "2025-03-11")
    assert (told.event_date, told.event_date_guessed) == ("2025-03-09", False)
    # No day at all: the publication day, guessed.
    bare = analysed("Two men were shot outside a bar, police said.", "2025-03-11")
    assert (bare.event_date, bare.event_date_guessed) == ("2025-03-11", True)
    # A day of the past week the body tells of nothing in particular: guessed too.
    week = analysed(
        "Police are investigating. Officers were at the scene. Neighbors gathered. The street "
        "was quiet on Sunday.",
        "2025-03-11",
    )
    assert (week.event_date, week.event_date_guessed) == ("2025-03-09", True)


def test_a_bare_weekday_beside_a_written_date_of_that_weekday_is_that_date():
    caption = (
        "Photo taken Tuesday March 4, 2025 Emergency officials respond to a home on Pipkin "
        "Street Tuesday after reports of a boy shot."
    )
    found = {m.span.text: m.resolved for m in analysed(caption, "2025-03-11").dates}
    assert found == {"March 4, 2025": "2025-03-04", "Tuesday": "2025-03-04"}
    # Without a written date of that weekday, the last Tuesday stands.
    other = analysed("A boy was shot Tuesday. The photo was taken March 5, 2025.", "2025-03-11")
    assert [m.resolved for m in other.dates] == ["2025-03-11", "2025-03-05"]


def test_a_follow_up_s_lead_of_today_gives_way_to_the_written_day_of_the_shooting():
    text = (
        "The 19-year-old man accused of shooting and killing 6-year-old Lena Ford was ordered "
        "on Tuesday to stand trial. His lawyer said he would plead not guilty. The family "
        "was in court. Authorities said he shot at the crowd the night of Feb. 17 during a "
        "fight."
    )
    title = "Man, 19, accused of shooting 6-year-old girl to stand trial"
    article = Article("t", "test", text, "h", title=title, published="2025-03-11")
    assert analyze(article).event_date == "2025-02-17"
    # Not where the headline tells of the shooting itself: the lead's day stands.
    news = Article("t", "test", text, "h", title="Girl, 6, shot", published="2025-03-11")
    assert analyze(news).event_date == "2025-03-11"


def test_a_weekday_with_its_date_written_after_it_is_that_date():
    # Published a week later: "Sunday" alone would be the Sunday before publication.
    result = analysed(
        "FAIRMONT, W.Va. — A teenager was shot by another 16-year-old Sunday, March 2 at an "
        "apartment complex, police said.",
        "2025-03-10",
    )
    assert [(m.span.text, m.resolved) for m in result.dates] == [("March 2", "2025-03-02")]
    assert result.event_date == "2025-03-02"


def test_a_page_without_a_dated_text_takes_its_headlines_day():
    # Paywalled pages keep their headline and a subscription notice.
    notice = "Thank you for registering! Please check your email to activate your profile."
    article = Article(
        "t", "test", notice, "h", published=FRIDAY,
        title="One of two men shot late Tuesday in Belle Glade dies - Palm Beach Post",
    )  # fmt: skip
    result = analyze(article)
    assert result.event_date == "2025-03-11"
    [mention] = result.dates
    assert mention.span.in_title and mention.span.text == "late Tuesday"
    # The text's own day comes first.
    dated = analyze(
        Article(
            "u", "test", "Two men were shot on Monday night in Belle Glade.", "h",
            published=FRIDAY, title="Man shot Tuesday in Belle Glade dies",
        )
    )  # fmt: skip
    assert dated.event_date == "2025-03-10"


def test_a_page_s_time_stamp_does_not_date_the_shooting():
    result = analysed(
        "Five Injured in Nightclub Shooting Posted: Friday, March 14, 2025 3:13 PM EDT\n\n"
        "Five people injured in nightclub shooting in North Mississippi.\n\n"
        "No arrests have been made in a shooting outside a nightclub that left five wounded.\n\n"
        "The shooting happened around 2:30 a.m. Wednesday in the parking lot of the club."
    )
    assert result.event_date == "2025-03-12"


@pytest.mark.parametrize(
    "lead",
    [
        "CLARKSVILLE, Tenn., March 14 (Reuters) - Hours before the shooting that killed two",
        "DOVER, Del. (March 14, 2025) -- Police say two people were killed",
        "CREATED March 14, 2025 - UPDATED March 14, 2025. Two people were killed",
    ],
)
def test_a_dateline_dates_the_page_not_the_shooting(lead):
    result = analysed(
        f"{lead} in a shooting at a gas station. The victims were not named. Detectives "
        "are looking for a gray sedan. The gunman opened fire Wednesday night, police said."
    )
    assert result.event_date == "2025-03-12"


def test_a_weekday_s_shooting_dates_it():
    # "Wednesday night's shooting" beside a charge and a "today" in a quote that tells of a
    # killing: the possessive names the crime.
    result = analysed(
        "Prosecutors have charged a woman in connection with Wednesday night's shooting of her "
        "granddaughter. She is charged with child endangerment. According to court records, "
        'the girl came for a visit. "We are fortunate today that another child was not '
        'killed," the prosecutor said.'
    )
    assert result.event_date == "2025-03-12"


def test_a_day_the_report_is_told_on_gives_way_to_an_earlier_one():
    result = analysed(
        "Authorities identify boy killed while playing with gun\n\nSTAR TOWNSHIP, Mich. (AP) — "
        "Authorities are releasing more details after a boy was fatally shot while playing "
        "with a gun. The sheriff's department says Thursday that the boy and his brother were "
        "playing in a fort in their grandparents' yard on Monday when a revolver discharged."
    )
    assert result.event_date == "2025-03-10"


def test_a_follow_up_weeks_later_is_dated_by_the_day_it_recalls():
    result = analysed(
        "A mother who was accidentally shot by her own child is now facing charges. She is "
        "charged with culpable negligence. On February 2nd, the woman woke up in pain after a "
        "bullet entered her calf."
    )
    assert result.event_date == "2025-02-02"


def test_a_page_first_posted_before_its_update_resolves_weekdays_from_the_posting():
    # The crawl dated the page by its update two weeks on; "Saturday" is the Saturday before
    # it was first posted.
    result = analysed(
        "2 dead in Cedar Grove shooting Posted: Saturday, March 1, 2025 7:39 AM EST Updated: "
        "Saturday, March 15, 2025 7:39 AM EST\n\nTwo men were killed and three others were "
        "injured at a house party. It happened just before 3 a.m. Saturday.",
        "2025-03-15",
    )
    assert result.event_date == "2025-03-01"
    assert "2025-03-15" not in {m.resolved for m in result.dates if m.span.text == "Saturday"}


def test_a_dateline_dates_the_page_a_late_crawl_did_not():
    result = analysed(
        "SAVANNAH, GA (August 2, 2024): An argument between two men in the square ended in a "
        "shooting that injured five bystanders early this morning.",
        "2025-03-14",
    )
    assert result.event_date == "2024-08-02"


@pytest.mark.parametrize(
    "stamp",
    [
        # An update is no first posting, whenever it was.
        "Updated: Wednesday, March 5, 2025 @ 5:31 PM",
        # A posting stamped after the crawl's day is a re-posting, or a wrong stamp.
        "Posted: Wednesday, December 3, 2025 @ 5:31 PM",
    ],
)
def test_an_update_or_a_later_posting_does_not_move_the_publication_day(stamp):
    result = analysed(f"{stamp}\n\nA man was shot Thursday night outside a bar.")
    assert result.event_date == "2025-03-13"


def test_a_stamp_alone_in_the_lead_gives_way_to_the_body_s_day():
    # The lead holds only the page's stamps; the bodies were found Wednesday night.
    result = analysed(
        "Man kills daughter, himself Posted: Friday, March 14, 2025 6:47 AM EDT Updated: "
        "Friday, March 14, 2025 6:47 AM EDT\n\nA father and his 7-year-old daughter are dead "
        "in what the sheriff calls a murder-suicide.\n\nThe sheriff said the girl's mother "
        "had custody.\n\nThe sheriff says their bodies were found Wednesday night in a field "
        "behind a home."
    )
    assert result.event_date == "2025-03-12"


def test_a_gun_that_discharged_dates_the_shooting_not_the_charge():
    result = analysed(
        "The parents of a 9-month-old girl who was accidentally shot in her home are being "
        "criminally charged, investigators said Friday. The girl is expected to survive. "
        "Her father faces a weapons charge. The father was cleaning a handgun at their home "
        "at about 4 p.m. Thursday when it discharged, police said."
    )
    assert result.event_date == "2025-03-13"
