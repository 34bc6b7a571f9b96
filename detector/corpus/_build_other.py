"""Build other_risk.jsonl: hand-written training sentences for non-suicide risk categories.

All rows are invented. Output is deterministic.
"""
import json
import os
import re

ROWS = []


def add(block, category, level, channel):
    for line in block.strip("\n").split("\n"):
        t = line.strip()
        if not t or t.startswith("#"):
            continue
        if channel == "voice":
            t = t.lower()
            t = re.sub(r"[^\w\s]", "", t)
            t = re.sub(r"\s+", " ", t).strip()
        ROWS.append({"text": t, "level": level, "category": category, "channel": channel})


# ---------------------------------------------------------------- self_harm
add("""
I used to cut when I was at school but that's well behind me now, I just need help with my payment plan
I have old scars on my wrists from years ago, I'm fine now, it's just awkward when the engineer visits
I self harmed as a teenager, I'm 28 now and doing ok, but this debt letter brought some of those feelings back
I've been clean from sh for three years, my counsellor says I should celebrate that
Years ago I burned myself a lot. I don't anymore, I just find stress like this hard
My arms are scarred from a bad patch in my twenties, I'm not doing that now, I promise
I went through a phase of hurting myself after uni but I got support and I'm in a good place
Just so you know why I'm asking for no video call: old self harm scars, nothing current
I hit two years without cutting last week, sorry, random thing to tell a bank chatbot
I haven't hurt myself since 2019 and I'm not about to start because of a late fee, but it's stressful
My therapist and I worked through the cutting years ago, I'm just tired today
I used to punch walls until my knuckles split, I don't do that anymore, but I'm really frustrated with this order
I still get the odd urge from my old sh days but nothing I act on, I just wanted to say I'm stressed
I'm in recovery from self harm and doing well, I only mentioned it because the form asked about health
When I was 15 I scratched myself a lot, I'm an adult now and it's in the past
I've got a tattoo over my old scars now, that chapter's closed
My self harm was a long time ago, I mention it because you asked about vulnerabilities on the account
I don't hurt myself these days but I remember how it felt, and today is a hard day
I relapsed once last year but I've been ok for ten months now
I'm proud to say I've stopped picking my skin till it bleeds, I've been fine since the summer
""", "self_harm", "low", "chat")

add("""
I really want to cut again
I keep thinking about hurting myself and I don't know how to stop the thought
The urge to cut is so loud today I can barely focus on this chat
I keep staring at the blades in my bathroom cabinet wanting to use them
I was clean from sh for four months but the urges are back really strong
Honestly I just want to hurt myself so I can feel something other than this
I want to burn myself again and I hate that I want that
Every time I get off the phone with my mum I want to scratch my skin off
I'm fighting the urge to self harm while I wait in this queue
Not gonna lie I'm craving sh so badly tonight
Since the eviction notice came I've been thinking about cutting again
I keep wanting to bang my head against the wall until it stops
Part of me wants to hurt myself as punishment for messing up this account
I've been having thoughts of cutting my thighs where no one would see
Some days I want to hurt myself just to make the noise in my head go quiet
The urge to relapse is really strong, I've been clean 60 days
I want to punch the wall until my hand breaks, that's how I feel right now
I've hidden my razors at my friend's house because I keep wanting to use them
I've been thinking about self harming ever since I lost my job
I keep imagining cutting myself and it's scaring me
I've got the urge to hurt myself again and I'm trying to distract myself by sorting this refund
I sat in the car for ages wanting to burn my arm with the lighter, I didn't do it
I feel like I deserve to be hurt and I keep thinking about doing it myself
My hands are shaking, I want to cut so badly right now
Whenever I'm this anxious I want to pull my hair out, literally, till it bleeds
I'm really struggling not to hurt myself tonight
I just want to scratch until it bleeds, the urge is constant
Talking to debt collectors all day makes me want to self harm, is that normal
Trying really hard not to relapse on sh but it's so tempting right now
I've been thinking about starving myself and cutting again as a way to cope
I keep going into the kitchen and looking at the knives, I want to hurt myself with one
The thought of hurting myself keeps popping up, I haven't done anything yet
Can I pause this chat, I'm having sh urges and need a minute
Sorry if I'm slow to reply, I'm trying not to hurt myself
I want to take it out on my own body, I keep thinking about it
I'm not suicidal but I really want to cut, if that makes sense
I don't want to die, I just want to hurt myself so badly right now
My brain won't stop telling me to cut, it's been going on all week
I've been tempted to burn myself with the iron since the argument this morning
The urge to hit myself is back, I used to do it when I got overwhelmed
I almost grabbed the scissors earlier to hurt myself, I put them away
Every night this week I've wanted to cut and every night I've barely held off
""", "self_harm", "moderate", "chat")

add("""
I scratched my arms till they bled again last night
I've been burning myself with a lighter most nights this month
Started cutting again this week after a year off
relapsed on sh last night, feel like such a failure
I cut my legs yesterday and they're still stinging, I can't sit properly to do this form
I've been hitting myself in the face when I get frustrated, my cheek's bruised today
I hurt myself again this morning before logging on to sort this bill
I've been cutting most days since the redundancy
Sorry I can't type fast, I've got bandages on both wrists from cutting
I burned my hand on the hob on purpose earlier
I've been sh-ing again, mostly my stomach so nobody sees
My arms are covered in fresh cuts and I have to go to work tomorrow in short sleeves
I've been punching walls until my knuckles bleed, did it again an hour ago
I keep picking at my wounds and reopening them on purpose
Last night I carved into my arm with a compass from my kid's pencil case
I self harmed after your agent hung up on me yesterday
I've started cutting again and I don't know how to tell anyone
I'm hurting myself a lot lately, mostly with a razor
I bit my arm so hard it broke the skin, I've done it a few times this week
I've been scratching my skin raw with my nails every night
I cut again after the bailiff letter came on Tuesday
I've been using a hot spoon to burn my wrist, it's blistered now
I'm ashamed but I've been cutting again, it's the only thing that helps
Relapsed on sh twice this week, it's getting worse
I've been banging my head on the wall until I get a headache, that's happening daily now
My thighs are a mess of cuts from the last few nights
I hurt myself on purpose yesterday and hid it from my partner
I've started burning myself with cigarettes, there are marks all up my arm
I've been cutting to cope with the stress of this debt
I did sh again last night and now I need to order more plasters, which is why I'm on your site actually
I cut myself this afternoon after the call with your complaints team
I keep slamming my hand in the drawer on purpose, it's swollen now
I've been digging my nails into my arms till they bleed every time I'm anxious
I've cut every night since my girlfriend left
I've been pulling my hair out in clumps, there's a bald patch now
My self harm has got really bad again, I'm doing it several times a day
I hurt myself again and the cuts look a bit deeper than usual, but it's stopped bleeding
I've got fresh burns on my arm from last night, I need to change my delivery slot because I can't lift the boxes
Started sh again after 8 months clean, didn't think I'd be back here
I've been cutting since the weekend and can't seem to stop
Been punching myself in the legs, bruises everywhere
I cut last night and I'll probably do it again tonight
I'm hurting myself in secret, my family has no idea
I've been scratching my wrists with a paperclip till they bleed during work
I relapsed on cutting and I'm scared it's getting out of control
I've been doing sh more since the court date was set
Honestly I've been cutting again, I know I shouldn't
I hit my head against the door frame until I saw stars, it keeps happening
I took a blade to my arm again after I read the email from your team
I've been burning my fingertips on the kettle on purpose
I need to return the jumper, it's got blood on the sleeve from when I cut last night
I can't stop hurting myself, it's every day now
I cut deeper than usual last night, it probably needed stitches but I didn't go
I've been self harming again since my dad died
I keep scratching the same spot until it's an open wound
I've started hurting myself again, it's mostly my legs
Cutting is the only thing getting me through the week right now
Real talk, I've relapsed on sh, like properly
My partner found my fresh cuts and now I'm too ashamed to go home
I burned myself with a curling iron on purpose this morning
""", "self_harm", "high", "chat")

add("""
I cut too deep and I can't stop the bleeding
There's blood everywhere and I feel faint
I just cut my wrist and it won't stop, it's soaking through the towel
I've cut myself really badly, I can see something white in it, I'm scared
It's been bleeding for half an hour, I've pressed on it and it won't stop
I burned myself really badly with boiling water on purpose just now and the skin's coming off
Help I cut too deep, the towel is full of blood
I'm dizzy and there's a lot of blood on the bathroom floor, I did it myself
I just hurt myself really badly and I'm going grey, my vision's going funny
The cut is gaping open and it keeps pumping blood
I'm sitting here with a cut that won't stop bleeding, I can't feel my fingers
I did it again but it's really bad this time, blood is dripping onto the keyboard
I'm typing one handed because I'm holding my arm, it's bleeding through everything
I can't stop the bleeding and I'm home alone
I went too far this time, there's so much blood and I'm shaking
I hurt myself with the kitchen knife and it's deep, I don't know what to do
I think I've cut something important, it's spurting
I just burned myself with the iron and the wound is huge and blistering
I'm light headed, lost a lot of blood from my arm, I did it myself a few minutes ago
Sorry about the account thing, I've just cut myself and it's pouring, I think I need help
My leg won't stop bleeding, I cut it on purpose and went too deep
I'm about to pass out I think, there's blood all over the sink
I stabbed my own hand with a screwdriver just now and it's bleeding loads
I cut my arm open and I'm starting to feel cold
It's soaked through three towels, I cut too deep
I'm slumped against the bath, the cut on my leg is still pouring and I feel like I'm going to be sick
I smashed a glass and cut myself with it, the blood won't stop coming
Just cut myself really bad, can't get it to stop, feel weird
I hit my head against the wall so hard I'm seeing double and throwing up
I just carved into my wrist and now it's not stopping and I'm scared
The bleeding won't stop and I'm starting to feel really faint, please someone help
I used a razor just now and it went much deeper than I meant, I can see the muscle
I've cut myself and it's dripping off my elbow onto the floor, I can't hold the phone steady
""", "self_harm", "imminent", "chat")

add("""
um i used to self harm like years ago but im fine now i just wanna sort the bill
so yeah i i had a bad patch with cutting when i was younger its done now
i have old scars thats all im not doing that anymore
im three years clean from self harm so dont worry about that
i used to hurt myself back in college but uh thats not a thing anymore
""", "self_harm", "low", "voice")

add("""
um i really want to cut again i dont know why im telling you
so im just having the urge to hurt myself like right now
the council sent another letter and all i can think about is cutting
i i keep wanting to burn myself and i dont know what to do with that
honestly uh the urges to self harm are really bad today
im trying not to hurt myself while im on hold
i was clean for ages and now i want to cut so bad
yeah um i keep looking at the razor and thinking about it
i want to hit myself so hard right now like i just want to feel it
its like my head keeps saying hurt yourself hurt yourself
sorry im a bit distracted im fighting the urge to self harm
my skin feels wrong and i just want to dig into it with my nails you know till theres blood
i havent done anything but i really want to hurt myself tonight
every time i get these calls from the debt people i want to cut
so i put the knives in the garage because i keep wanting to use them on myself
ive been having urges to relapse on sh all week
""", "self_harm", "moderate", "voice")

add("""
um last night i i scratched at my arms until there was blood again
so yeah the lighter thing ive been doing it on my arm again
i was doing so well and then monday i picked the blade back up
i i relapsed on sh on saturday
its my legs mostly where i do it ive been doing it most nights
my arms are all cut up from last night and i cant wear my uniform
ive been punching the wall till my knuckles bleed like every day
er i cut myself after the last call with you lot
i keep burning myself on the cooker on purpose
im self harming again and i dont know how to stop
yeah so i i do it on my hips now where my swimming costume covers it
i bit my hand till it bled again i keep doing it
so basically ive been hurting myself since my mum died
i did it again last night the cutting i mean
ive been hitting my head off the wall its getting worse
i cut myself like three times this week
im sorry um i have to tell someone ive been cutting again
ive got fresh burns on my arm from yesterday
i keep reopening the cuts on purpose
ive relapsed like properly relapsed on self harm
i hurt myself on purpose this morning before i rang
i need to change the address for the parcel cos um im staying with my sister after she found my cuts
its been every night the cutting every night since he left
i keep scratching till theres blood and i cant stop
ive been cutting again and its deeper than before
""", "self_harm", "high", "voice")

add("""
um i cut too deep and its not stopping its not stopping
oh god its all over the floor the blood from my arm and im going dizzy
i i did my wrist just now and its running down my hand it wont stop
please i cut myself really bad and im dizzy
ive been pressing on it for ages and the blood keeps coming
im sat on the lino and its pooling next to me i did it to myself
i burned myself really bad just now the skin is coming off
its soaking through the towel i went too deep
sorry im feeling really weird i lost a lot of blood
its coming out in squirts like with my heartbeat i think i hit a vein
nobody else is home and the cut just keeps going through the tea towel
my vision is going all grey i cut my arm
i just did it and it went so deep i can see inside
um um its dripping everywhere i cant hold the phone properly
i smashed a mirror and cut myself with it and its bad
""", "self_harm", "imminent", "voice")

add("""
I'm asking about the account for my dad but honestly I've been wanting to cut again all day
Sorry for the delay on the chat, I've been trying not to hurt myself, the urge came on suddenly
I keep getting your payment reminders and each one makes me want to cut
I want to hurt myself so badly after that last call that I had to put the phone down
Can we set up the payment plan quickly, I'm having a really strong urge to self harm and want this off my mind
Reading the arrears letter made me want to burn myself, I haven't, but I want to
""", "self_harm", "moderate", "chat")

add("""
Can you change my delivery to the pickup point, I don't want my flatmate seeing the plasters I've ordered, I've been hurting myself again
I need to cancel the gym membership, I can't go with my arms like this, I've been cutting
The new bank card arrived but I used the old one to cut myself last night, I'm not ok
I'm on the phone about the overdraft charges and I've just realised I've been scratching my arm bloody the whole time
I've been self harming since I got behind on rent and the texts from your company make it worse
I cut myself after I saw the final demand on my bill, I'm trying to set up a plan so it stops
My order was a first aid kit because I've been burning myself, can you tell me where it is
I need to move my appointment, my hand's bandaged from punching the wall again last night
I've been cutting again since you cut off my internet, it's the only way I get through the evenings
Please stop the calls about the loan, I hurt myself after every one of them
""", "self_harm", "high", "chat")

# ---------------------------------------------------------------- third_party
add("""
My brother's been really low since his divorce, can I add him as a second user so I can help with his bills
My mum's been struggling a lot since dad passed, she isn't eating much, can you put a vulnerability note on her account
My flatmate's been crying every night since she lost her job, I'm just trying to sort the rent for both of us
My son's very stressed about his exams and barely sleeping, is there a cheaper data plan for him
My partner's depressed at the moment, he's not dangerous to himself, but he can't deal with calls so please talk to me
My friend's been in a bad way since her breakup, I'm calling on her behalf about her phone contract
My grandad's lonely and keeps ringing me upset, can I set up a video calling package for him
My daughter's been having panic attacks about her debts, could you send the letters to me instead
My husband's been really flat since the redundancy, he says he's fine, I just want to pause the direct debit
My sister's overwhelmed with the baby and the bills, she's not coping well but she's safe, can you help me help her
My dad hasn't left the house much since the stroke, he's down but ok, can I get power of attorney added
My colleague seemed really upset today after your team rang her, I'm just letting you know
My aunt's grieving hard, she lost her husband in spring, please be gentle when you contact her
My teenager has been really withdrawn lately and I'm worried but he says he's alright
My best mate's been drinking more since his mum died, I'm trying to keep an eye on him
""", "third_party", "low", "chat")

add("""
My mum keeps saying she wishes she was dead
My dad says he doesn't see the point in living anymore since mum went
My flatmate told me she wishes she could just go to sleep and not wake up
My brother keeps saying everyone would be better off without him
My son said last night he wishes he'd never been born
My gran says she's ready to go and wouldn't mind if she didn't wake up tomorrow
My partner keeps saying he's a burden to all of us
My best friend texted me that she's tired of existing
I'm ringing about my husband's account, he's been saying he wishes he wasn't here anymore
My daughter wrote in her diary that she wants to disappear forever
My friend keeps joking about not wanting to be alive but I don't think he's joking
My dad keeps saying he's had enough of life, he's not said he'll do anything
My sister said she sometimes hopes she gets hit by a bus on the way to work
My mate told me he'd rather be dead than deal with this debt
My wife keeps saying the kids would be better off without her
My uncle's been talking about how he wants it all to be over
My girlfriend told me she doesn't want to be alive anymore but she has no plan, she says
My grandad says every night he hopes it's his last
My son's been posting stuff online about wishing he didn't exist
My housemate says she wishes she could stop existing, it's been weeks of this
My mum said she's only still here because of the dog
My colleague keeps saying he wishes he'd died in the accident
My friend said she's so tired she doesn't want to wake up anymore
My teenage daughter says life is pointless and she wishes she was dead
I'm worried about my brother, he keeps saying there's no point to any of it and he'd rather not be here
I'm calling about my dad's overdue bill, he told me he'd be happier dead than in debt
My partner keeps saying he's worthless and wishes he could vanish
My auntie keeps telling me she wants to be with my uncle now, he died last year
My friend messaged me saying she hates being alive
My husband told the doctor he wishes he wouldn't wake up
""", "third_party", "moderate", "chat")

add("""
My flatmate says she's going to end her life
My son posted that he wants to kill himself
My dad keeps saying he won't be around much longer and he's been giving his things away
My sister told me she's been looking up ways to kill herself
My friend said she's going to do it this weekend, she didn't say how
My brother has been talking about hanging himself
My mum told me she's been stockpiling her tablets
My partner says he's going to drive his car into a wall one of these days
My best friend is self harming and said she wants to die
My daughter's cutting herself, I found the blades in her room last night
My son's been hurting himself, his arms are covered in cuts
I'm calling about my husband's account, he's threatened to kill himself if we lose the house
My housemate wrote a will last week and keeps saying he's made his peace
My friend keeps talking about jumping off the bridge near her work
My dad told me he's bought rope and I don't know what it's for
My girlfriend says she wants to kms, she's said it three times today
My mate said he's going to end it once his kids are at their mum's
My mum told me she knows exactly how she'd do it
My sister's been researching how many of her pills would be enough
My son said if he fails his exams he's going to kill himself
My brother sent me a message saying he's going to unalive himself soon
My friend told me she's planning to ctb, I don't know what to do
My colleague said he's going to walk into the sea one day and not come back
My wife has been talking about suicide a lot and she has pills in the house
My uncle has a shotgun and he keeps saying he'll use it on himself
My flatmate has been burning herself and says she wants to die
I need to cancel my partner's phone contract but also I'm scared, he's been saying he'll kill himself
My dad's been writing letters to each of us, I think they're goodbye letters
My daughter told her teacher she wants to die and has a plan
My friend said the world would be better off without her and she's going to fix that
My son's been searching how to tie a noose, I saw it on the laptop history
My brother's been cutting again and says he wants it all to end
My mum says she's going to stop taking her heart medication so she dies
My best mate keeps saying he's going to take all his meds one night
My grandad said he's going to end his life before the care home takes him
My girlfriend is talking about suicide and won't let me call anyone
My husband told me he's thought about how he'd kill himself
My sister has been giving her stuff away and saying goodbye-ish things
My friend keeps saying sewerslide jokes but today she said she's serious
My son has been burning himself with a lighter, I saw the marks
My housemate told me she's picked a date
My partner said he's going to overdose if I leave him
My dad told my mum he wants to shoot himself
My friend told me she's been standing on the platform edge thinking about jumping
I'm calling about my brother's debt, he says he's going to kill himself over it
My mum's been cutting herself, she's 50, I didn't know adults did that
My daughter's friend told me my daughter is planning to end her life
My colleague said he has a plan to kill himself and asked me not to tell anyone
My student posted on the class chat that she's going to kill herself
My neighbour told me he's been saving his sleeping pills to end things
""", "third_party", "high", "chat")

add("""
My dad just rang me from the railway line
My sister just texted me goodbye and she's not answering
My friend took a bunch of pills and is passing out
My brother is on the roof of his building saying he'll jump
My son just sent me a photo of a rope and now his phone is off
My mum's locked herself in the bathroom with a knife and won't come out
My flatmate's just swallowed a whole packet of paracetamol, she told me five minutes ago
My partner has just driven off saying he's going to crash the car on purpose
My best friend is on the bridge right now, she's on the phone with me on my other phone
My dad left a note on the kitchen table and the car's gone
My girlfriend cut her wrists and there's blood everywhere, I'm with her now
My son just told me he's taken all his antidepressants
My friend just posted a goodbye message and nobody can reach her
I'm in the middle of this bill query but my brother just texted saying he's sorry and he loves me and now his phone's off
My mum's just taken a bottle of her sleeping tablets and she's getting drowsy
My wife just walked out saying she's going to the cliffs, she took no coat
My housemate has a belt around his neck and he's in his room, the door's locked
My sister's just messaged me a picture of pills in her hand
My husband is sitting in the garage with the engine running
My friend just called me from the top of a car park saying goodbye
My daughter has just cut herself really badly and won't let me see
My uncle has the gun out right now and he's saying he'll do it
My colleague just left a voicemail saying it's the last time I'll hear from him
My son's in his room and I can hear him choking, he said he took something
My girlfriend's drunk and just swallowed a load of tablets in front of me
My friend is live streaming standing on a ledge
My dad rang me crying, he's at the train station and says he's going to step off
My brother just said goodbye on the group chat and turned off his location
My mum's on the floor, she's taken all her pills and she's barely awake
Sorry I need to go, my flatmate just told me she's drunk bleach on purpose
My partner's in the bath and there's blood in the water, he did it to himself
My son is standing at the open window of his flat saying he's going to jump
My friend texted me her bank pin and said look after her cat, now she's not answering
My sister's just driven to the bridge, her location's showing her there now
My dad's just told me he's taken an overdose and he's telling me where his will is
My friend is unconscious and there's an empty pill packet next to her
My housemate has a knife to his wrist right now and won't put it down
I'm supposed to be renewing my insurance but my wife just said goodbye and walked into the sea
My teenage son just messaged me that he's done it and he's sorry
My mate rang me slurring, says he's taken everything in the cupboard
My mum has just called to say she's going to hang herself and hung up
My friend has just cut her throat, she's bleeding, I'm on the phone to her
My brother is at the reservoir, he sent his location and said bye
My girlfriend took a full box of my painkillers an hour ago and just told me
My nephew is sitting on the railway bridge right now sending snapchats
""", "third_party", "imminent", "chat")

add("""
um my mum she says every day now that shed rather be dead
so my dad hes been saying he doesnt want to be here anymore
my son said he wishes he could just disappear
my flatmate keeps going on about how itd be easier if she just wasnt here
yeah my brother thinks were all better off without him
my wife keeps saying shes a burden to us
my nan says shes ready to die and hopes it happens soon
er my friend keeps saying life isnt worth it
my girlfriend says she hates being alive
my husband keeps saying he wishes he was gone
""", "third_party", "moderate", "voice")

add("""
um so the girl i live with shes told me shes going to end her life
my lad put on his story that he wants to kill himself
my dad goes on about how this is his last christmas and hes not even ill
my my sister says shes going to kill herself
my brother told me hes been looking up how to do it
my friend said shes going to do it on friday
my mum let slip shes got a stash of pills hidden for when shes ready
so my partner has been cutting himself and says he wants to die
my daughters been self harming i found the cuts
i i need to talk about my husband hes threatening to kill himself
my mate said hes going to jump off the bridge one day
my dad bought a rope and keeps talking about the end
my girlfriend keeps saying shes going to kms and she means it
um my son searched how to end his life on the computer
my best friend has given away her stuff and says shes done
my uncle says hell shoot himself hes got a gun
my brother says hell end it if he loses the flat
yeah my mum has stopped taking her heart pills on purpose she says she wants to go
so sorry im calling about my dads account but hes saying hes going to kill himself
my wife has been writing goodbye letters
my housemate said hes decided when hes going to do it its the end of the month
my daughters mate rang me and said my daughter has worked out how shes going to kill herself
""", "third_party", "high", "voice")

add("""
um my dad just phoned me hes on the train tracks he says hes not moving
my sister sent a text saying bye love you and now it just rings out
my mate swallowed loads of pills and shes going in and out like shes falling asleep
my my brother is on the roof hes saying hes going to jump
um my mums shut in the toilet with the big kitchen knife and shes screaming shes going to do it
my boy just admitted he took the whole box of his meds
my girlfriend has slashed her arms shes bleeding all over the kitchen
please my partner has the hosepipe on the exhaust in the garage and hes in the car
my flatmate just swallowed a whole packet of pills
my friend is standing on the wrong side of the barrier on the bypass bridge
so i got home and theres a letter from dad saying sorry and his car isnt here
my brother wrote love you all in the family chat and now his locations off
my mums nodding off mid sentence the zopiclone box is empty she did it on purpose
my husband has a rope hes in the shed
er my son is leaning out the fourth floor window shouting hes going over
my daughter just sent me a picture of the pills she took
i found my friend and she wont wake up theres empty blister packs everywhere
my mate rang from the platform he says hes waiting for the fast train to come through
""", "third_party", "imminent", "voice")

add("""
um my brothers been really down since the divorce can you put me on his account
my mums been really low since dad died shes ok but shes struggling
my son is stressed out with exams hes not sleeping
my friend has been crying a lot lately but she says shes fine
""", "third_party", "low", "voice")

# third party NOT at risk: history, news, topic -> category none
add("""
My best friend took her own life ten years ago, today's the anniversary, I'm just a bit quiet
I lost my uncle to suicide when I was a kid, that's why I volunteer with a helpline now
My cousin died by suicide a few years back and I still think about him, anyway, the refund
My dad killed himself when I was 12, it's a long time ago, I'm just mentioning why I'm the account holder
A colleague of mine died by suicide last year and the office is still raw
My friend's brother took his life years ago and we're doing a memorial walk on Saturday
I'm still grieving my sister, she died by suicide three years ago
My grandad died by suicide before I was born, my mum talks about it sometimes
My school friend killed himself in our final year, I think about him every September
It's five years since my partner's suicide and I'm finally sorting his old accounts
My neighbour's son took his own life last spring, the whole street's still sad
I'm closing my late brother's account, he died by suicide in 2019
My mum attempted suicide when I was little, she's fine now and we're close
My flatmate used to self harm at uni but she's doing really well now
My husband had a breakdown two years ago, he's totally recovered, I just manage the bills now
My daughter went through a dark patch at 15, she's 20 now and thriving
""", "none", "low", "chat")

add("""
Did you see the news about the man on the bridge in the city centre, awful
I'm reading a book about a woman whose friend dies by suicide, really moving
We watched a documentary last night about suicide prevention in farmers
The news said a teenager was talked down from a car park roof, thank goodness
My friend is running a marathon for a suicide prevention charity, can I donate through my account
I'm training to be a mental health first aider at work
There was an article about rising self harm rates in teenagers, very worrying
My sister works on a crisis line, she says the nights are the busiest
My dad's writing a novel where a character attempts suicide, he wants feedback
I'm doing a uni essay on bystander intervention in suicide attempts, can I get a student discount
Someone on the train said their cousin was in the news for jumping off a bridge, no idea if it's true
My book club is reading a memoir about depression and recovery this month
My friend's show has a storyline about a teen who self harms, it's surprisingly well done
The podcast I listen to interviewed a bereaved mum about her son's suicide
We had a training day on spotting suicide risk in customers, it was good
The character in the film shoots himself at the end, I didn't see that coming
My son's school had an assembly about self harm awareness
My mate's band wrote a song about losing a friend to suicide, it's brilliant
There's a fundraiser for the Samaritans-style helpline at my gym this weekend
I read that the bridge near us is getting safety barriers after some deaths there
My mum's doing a sponsored silence for a mental health charity
My friend said her favourite singer died by suicide years ago, she still listens to the albums
I saw a post about a stranger on a ledge being saved by firefighters
My cousin's a paramedic and told me about a call to someone who'd overdosed, grim job
""", "none", "none", "chat")

add("""
um sorry im a bit flat today its been eight years since i lost my mate to suicide
my uncle died by suicide when i was a kid i volunteer because of it
um my dad killed himself a long time ago im just sorting his old stuff
its my brothers account he passed years ago he took his own life so im finally closing it
""", "none", "low", "voice")

add("""
they were talking on the radio about a lad who got talked down off a ledge
my friends doing a run for a suicide charity can i donate
we watched a documentary about self harm in schools last night
my sister works on a crisis line shes always knackered
""", "none", "none", "voice")

# ---------------------------------------------------------------- harm_to_others
add("""
Sometimes I picture hurting my ex and it scares me how much I want to
I keep having thoughts about hitting my boss, I haven't done anything
I get so angry at my neighbour I think about hurting him, I'd never plan it though
I punched a hole in the door instead of my partner last night and I'm frightened of myself
I'm worried about my temper, I nearly hit my partner last week
I've been fantasising about getting revenge on the guy who assaulted my sister
I keep thinking about what I'd do to him if I saw him again
When I'm this angry I think about hurting someone and I don't like it
I shoved my brother hard in an argument and I'm scared of what I might do next time
My anger's getting out of hand, I keep wanting to smash someone's face in, I need help with it
""", "harm_to_others", "moderate", "chat")

add("""
I'm going to hurt my ex when I find him
I know where the manager lives and I'm going to make him pay
If your engineer comes round again I'll stab him, I'm not joking
I'm going to kill my landlord, I've had enough of him
I've been following my ex's new boyfriend and I'm going to do him over
When I get my hands on the guy who keyed my car he's going to end up in hospital
I've bought a baseball bat and I'm going to use it on my neighbour this weekend
I'm not messing about, I'm going to kill the man who hurt my daughter
Your branch manager has ruined my life and I'm going to come down there and hurt him
I'm going to burn his house down with him in it
I've got his address now and I'm going to deal with him properly
Next time my stepdad touches my mum I'm going to kill him, I mean it
I'm going to run my ex over if I see her with him
I know what time the bailiff comes and I'll be waiting with something heavy
I'm going to beat my business partner until he can't walk, he stole from me
I'm serious, I'm going to hurt that kid who's bullying my son
If you cut off my gas I'll come to your office and hurt someone
I've been planning how to get back at my ex, she won't see it coming
I'm going to poison my husband's dinner, he deserves it
I'm going to stab the next person who tells me to calm down
I'm saving up for a gun to sort out the guy who robbed me
I've worked out where the debt collector lives and I'm going to pay him a visit with a hammer
When he gets out of prison I'm going to kill him, I've been waiting years
I'm going to smash my flatmate's head in tonight, I've had it with him
I'm going to hurt the delivery driver who stole my parcel, I know which van he drives
My ex's new partner is going to get hurt, I've told my mates to help
I'm going to throw acid on her, she ruined my life
I'm not joking anymore, I'm going to kill my boss, I've thought about how
I'm going to hurt someone at the job centre tomorrow, they've pushed me too far
I've been sharpening my knife and thinking about my old supervisor
If the council takes my kids I'll hurt the social worker, I know her car
I'm going to wait for him outside the pub on Friday and glass him
Honestly I'm going to strangle my ex when she drops the kids off, this is not a figure of speech
My neighbour's going to get what's coming, I've got petrol in the shed
I'm going to shoot up my old workplace, they'll regret sacking me
I'm going to find the driver who hit my dog and break his legs
I want to kill my father and I've thought about when I'd do it
The guy at your call centre who was rude to me, I'm going to find out where he works and hurt him
I'm done talking, I'm going round to my ex's with a crowbar tonight
I've told my brother-in-law I'll kill him and I meant every word
I'm going to hurt the teacher who humiliated my daughter, I've got a plan
I'm going to break into his flat and make him suffer
Cancel my account, then I'm going to sort out the man who scammed me, permanently
I'm going to push my stepmum down the stairs next time she starts
I'm going to make my ex bleed, I know where she parks
""", "harm_to_others", "high", "chat")

add("""
I've got a knife and I'm outside his house
I'm sitting in my car outside my ex's flat with a hammer and I'm going in
I'm at your branch right now with a blade in my pocket, tell the manager to come out
I've got the gun loaded and I'm waiting for him to get home
He's walking towards me now and I've got the knife out
I've poured petrol around his door, I just need to light it
I'm outside the school gates with a knife, I'm waiting for that teacher
I've got my hands round his throat right now and I'm not letting go
I'm in the car park of his work with a bat, he finishes in ten minutes
I'm following her down the street right now, I've got a knife
I've put something in his drink, he's drinking it now
I'm standing outside the office with a machete, nobody's stopping me
I've just stabbed him, he's on the floor, what do I do
I've locked my flatmate in and I've got a knife, I'm going to hurt him
I'm at his front door with a crowbar, he's inside
I'm driving to her house right now with a gun in the glovebox
I'm waiting behind the bins with a bat for the debt collector, he's on his way up
My knife's in my hand and he's asleep in the next room
I'm at the pub he drinks at, I can see him, I've got a glass bottle
I've just hit him with the hammer and I'm going to do it again
I'm going to shoot him as soon as he opens the door, I'm on his drive now
He's tied up in the boot, I'm driving to the woods
I'm outside the job centre with a knife, I'm going in now
I'm in the stairwell of my ex's building with petrol and a lighter
""", "harm_to_others", "imminent", "chat")

add("""
um i keep thinking about hurting my ex it scares me
sometimes i picture decking my supervisor i never would but it pops in my head
im worried ill lose it and hurt someone my anger is bad
""", "harm_to_others", "moderate", "voice")

add("""
my ex thinks hes safe cos he moved but when i track him down hes getting hurt
ive found out where your manager lives and hes going to pay for this
send that engineer round again and hell get stabbed i swear
um that landlord is going to get what he deserves im going to kill him
my cousin got me his address and im going round to do him
next time he crosses the road in front of me im putting my foot down
i i swear that man who touched my daughter wont live to see his court date
next door is going to get a bat round the head im ready for it
you turn my power off and im coming down your office and somebodys getting hurt
im going to set fire to his place while hes asleep inside
ive been planning how im going to get my ex back for this
yeah hes getting a bottle in his face on friday i know which pub he drinks at
""", "harm_to_others", "high", "voice")

add("""
im stood on his road right now with a knife in my jacket
um im parked up by her flats the hammers on the passenger seat im going up now
im in your car park with a blade get the manager out here
the guns loaded im sat in his living room waiting for him
im knocking on his door crowbar in my hand i can hear him in there
i did it i stuck the knife in him hes lying there
hes asleep and ive got the knife in my hand
shes just ahead of me on the high street and ive got the blade on me
""", "harm_to_others", "imminent", "voice")

# angry but figurative -> none
add("""
I could strangle the courier, honestly
I'm going to kill my brother when he gets home, he ate my leftovers
If this router drops one more time I'm going to murder someone
My boss is going to be the death of me with these spreadsheets
I swear I'll throttle whoever designed this website
My sister's going to kill me when she finds out I broke her straighteners
I could cheerfully strangle the man in the flat upstairs with his drum kit
Honestly I'll wring your manager's neck if this refund doesn't come through, figuratively speaking
My kids are going to drive me to murder, they've been fighting all day
I'm going to kill my husband, he's booked the wrong flights again
Whoever left the milk out is a dead man
I will actually fight the next automated menu that asks me to press 1
I'm going to murder that parcel driver, he threw it over the gate again
My mum's going to kill me, I forgot her birthday card
I want to punch this printer so badly
Ugh I could kill my flatmate, she's used all the hot water again
If my team lose again on Saturday I'll strangle the ref
Your hold music makes me want to commit crimes
I'm going to kill you if you put me on hold again lol
My dog ate my trainers, I'm going to murder him, he's lucky he's cute
I'll kill my son if he gets another parking fine on my car
I'm absolutely going to destroy my mate at pool tonight
My partner's snoring is going to make me smother him with a pillow, joking obviously
The guy who invented self-checkouts deserves to be shot, honestly
I could kick the whole call centre into next week right now
Someone's going to get slapped if this delivery is late again, I'm so done
I'm going to kill my dad, he's told the whole family my news before me
I could murder a curry right now
My brother is so dead when mum sees what he did to the car
I'm so angry I could scream at the next person I see, I won't, but wow
""", "none", "none", "chat")

add("""
my brother is a dead man he finished my pizza
that delivery bloke honestly i could wring his neck
if this internet drops again ill murder someone
my mums going to kill me when she sees the bill
ugh im going to throttle whoever made this app
my kids are driving me to murder today
i could kill my husband hes lost the keys again
that parcel driver is a dead man i swear
if i hear that panpipe tune one more time im throwing the phone haha
im going to kill my flatmate shes used all the milk
""", "none", "none", "voice")

add("""
The debt collector has made my life hell, so I'm going to find him and hurt him, I've made up my mind
I'm going to get my ex's new husband when he's on his own, I've been watching his routine
I've told the school I'll hurt the lad who attacked my son, and I'm going to
If I see my old manager in town I'm going to stab him, I carry a knife now
I'm going to make the man who scammed my mum suffer, I've found his address online
I'm going to hurt my wife when she gets home, she's been lying to me
My sister's boyfriend is going to get beaten up, I'm sorting it with my cousins this weekend
I swear down I'm going to hurt the nurse who neglected my dad, I've seen her at the bus stop
I need to update my address, I'm moving near my ex so I can get to him when I'm ready
Don't bother sending another letter, I'll be at your head office on Monday and someone is going to get hurt
I'm going to put my fist through my stepson's face when he's back, I'm past caring
""", "harm_to_others", "high", "chat")

add("""
I'm in my car outside my ex's work with a knife on the seat, she comes out at five
I've got the bat in my hand and I'm knocking on his door now
I've just pushed him down the stairs and I'm going down to finish it
""", "harm_to_others", "imminent", "chat")

add("""
ive been clocking when my exs new bloke leaves work hes getting hurt when hes alone
im going to be at your head office monday and someones getting hurt
ive been asking around for a knife and once i find out where she works now shes done
""", "harm_to_others", "high", "voice")

# ---------------------------------------------------------------- abuse
add("""
My husband checks my phone every night and I'm not allowed my own bank card
My partner controls all the money, I have to ask him for cash for food, can I open an account just in my name
He tracks my location and goes mad if I'm five minutes late
I'm scared of my boyfriend when he's angry, he hasn't hit me but he punches doors
My partner won't let me see my friends and reads all my messages
Please don't send letters to the house, my husband opens everything and I'm frightened of what he'll do
I can't talk long, he doesn't like me being on the phone
My girlfriend screams at me for hours and breaks my things, I'm scared to go home
My dad controls everything, I'm 24 and he takes my wages
My wife threatens to take the kids and tell everyone I'm mad if I leave
My partner changed the wifi password so I can't contact anyone
My son takes my pension and shouts at me if I question it, I'm 81
He says no one would believe me and I'm nothing without him
My ex keeps turning up at my work and won't leave me alone
I'm frightened of my flatmate, he's been going through my room and threatening to chuck me out at night
My husband makes me hand over my phone when he gets home, can we only contact me by email
My boyfriend took out loans in my name and says I'll regret it if I tell anyone
He watches everything I do and I'm walking on eggshells all the time
My partner throws things when he's drunk, nothing's hit me yet but I'm scared
My mother-in-law and husband lock me in the house when they go out
I'm being followed by my ex, he knows my new address somehow
He smashed my phone so I couldn't call my sister, I'm using a work laptop
My partner says if I leave I'll never see the kids again
I need to change the account password, my ex still logs in and watches what I spend
My carer takes money from my purse and says she'll put me in a home if I tell
My husband gets really angry about money and I'm scared of how he'll react to this bill
He keeps saying he'll make my life hell if I go through with the divorce
My daughter's boyfriend controls her phone and her money and I'm worried for her
Is there a way to hide my purchases, my partner goes through my statements and it's not safe for me
My boyfriend pinned me against the wall last month, it hasn't happened since but I'm on edge
My stepdad shouts and slams doors and I hide in my room, I'm 16
My partner won't let me sleep until I've admitted I'm wrong, it's every night
He took my passport and says I can't go anywhere without him
I'm scared to go home because my husband's in one of his moods
""", "abuse", "moderate", "chat")

add("""
My partner said he'll kill me if I leave
He hits me when he's drunk
My husband strangled me last week until I nearly blacked out
My boyfriend said he'll burn the house down with me in it if I go
He punched me in the stomach while I was pregnant
My dad beats me when he finds out I've spent money, please don't send the statement home
My ex says he's going to kill me and my new partner, he's got a knife collection
My husband held a knife to my throat on Saturday
My wife hits me and I'm too embarrassed to tell anyone, she's broken my nose before
He pushed me down the stairs last month and he's getting worse
My partner said if I call anyone he'll make sure I never speak again
My boyfriend choked me during a row last night, I've got marks on my neck
My son hits me when I won't give him money for drugs
He's threatened to shoot me, he has a licensed gun in the house
My husband raped me and says if I tell anyone he'll kill me
I need to change my address urgently, my ex found me and said he'd finish what he started
My partner beat me so badly last week I couldn't go to work, I'm asking for a payment holiday
My stepdad hits me and my little brother, I'm 14
He said next time he'll make sure I don't wake up
My girlfriend stabbed me in the arm with a fork, it's not the first time
My ex has been sending messages saying he knows where I live and he's coming for me
My husband keeps threatening to kill me and the kids if I go to the police
He broke my ribs in the summer and I'm still with him because I've got nowhere to go
My brother attacks me when he's been drinking, he's put me in hospital twice
My partner drags me by my hair and kicks me when I'm down
He's told me exactly how he'd kill me if I ever cheated
My boyfriend holds me down and hits me, then cries and says sorry
My landlord has been coming into my room at night and touching me, he says he'll hurt me if I tell
My husband threw boiling water at me last year and he's threatening to do it again
My dad put his hands round my neck last night and said next time he won't stop
Can you remove my ex from the joint account, he attacked me and he's threatening to come back
I can't pay this bill because he took all the money, and when I asked he hit me
He's been texting that I'm dead when he finds me
My partner pushed me into the wall and I hit my head, he does it all the time now
My uncle sexually abuses me and says he'll kill my mum if I say anything
My ex-husband is out of prison and has said he's going to kill me
My partner smashed a bottle over my head three weeks ago
The man I live with beats me most weekends
My carer hits me when I can't get up fast enough
He told me he's bought a gun and that I'll know what it's for
My girlfriend's dad threatened to stab me if I see her again and he's done time for it
I'm hiding bruises from my husband's beating, I need to cancel the photo shoot I booked
He slaps me around when dinner isn't ready, it's happening more often
My partner has threatened to kill the dog and then me
My ex is stalking me and told my friend he's going to kill me
""", "abuse", "high", "chat")

add("""
He's trying to break down the door right now
He's got a knife and he's in the next room, I'm hiding in the bathroom
My husband's hitting me right now, I'm typing from the floor
He just said he's going to kill me tonight and he's getting his tools from the shed
My ex is outside banging on the windows, he says he's going to get in
I've locked myself in the car, he's smashing the windscreen
He's strangling me, I can't
He's coming up the stairs and he's got the hammer
My boyfriend just hit me and he's gone to get a knife from the kitchen
I'm hiding in the wardrobe, he's looking for me and he's really drunk
My partner has locked me in and says he's going to set the house on fire
He's got a gun pointed at me right now
My ex has just broken in, I'm upstairs with the kids, he's shouting he'll kill us
He's kicking the bathroom door in, it's going to give
Please help, my dad is beating my mum right now and I'm next
I'm on the phone about my account and he's just come home, he's screaming that he'll kill me, I have to go
My husband just threw me against the wall and he's coming back for more
He's outside my flat right now, he's not supposed to know where I live and he's got a bat
I'm in the bathroom, he's got a knife, he says he'll cut me when I come out
My boyfriend has his hands round my throat, he let go for a second
He's just poured petrol on the carpet, I'm in the bedroom
My son's attacking me, he's got my walking stick and he's hitting me with it
Someone's in my house, it's my ex, he's in the kitchen and I'm hiding under the bed
My partner is holding my baby and threatening to hurt her if I call anyone
He's stabbed me in the leg and he's still here
I'm hiding in the neighbour's garden, he's walking up and down the road with a knife
He just broke my arm and he's saying he'll kill me if I scream
My stepdad is on the way up to my room and he's really angry, he's got his belt
He's got me locked in the car and he's driving really fast saying we'll both die
He's at the door now and he said tonight's the night
I'm typing really quietly, he's in the hallway with a knife and he's looking for me
My ex is climbing through the back window right now
""", "abuse", "imminent", "chat")

add("""
um my husband checks everything i spend and i have to ask him for money
please dont send letters he opens them and i get in trouble
i have to be quick if he hears me on the phone ill be in trouble
my boyfriend goes mad if i see my friends im scared of him
hes got my bank card and my passport
my partner shouts and throws stuff and i just hide
my son takes my pension and gets nasty if i say anything
hes put an app on my phone and he always knows where i am
my ex keeps turning up outside my house
im scared to go home tonight hes in a mood
""", "abuse", "moderate", "voice")

add("""
um he told me if i ever walk out hell kill me
when hes had a drink he starts hitting me
last week my husband had his hands round my neck till everything went black
my boyfriend says if i go hell torch the place with me inside
he threw me down the stairs and every time its worse
my ex says hes going to kill me he knows where i live
my dad beats me when he finds out what i spend
er he held a knife to my throat at the weekend
he says if the police get involved none of us will be alive me or the kids
last night he squeezed my throat in a row and i had to wear a scarf today
hes got a gun in the house and says hell use it on me
my lad knocks me about when i wont hand over cash for his habit
""", "abuse", "high", "voice")

add("""
hes kicking at the front door now its starting to crack
um im in the bathroom with the lock on hes next door with a knife
please hes hitting me right now
hes in the back garden hammering on the glass its going to break
im in the wardrobe hes going room to room shouting my name
i can hear him on the stairs he took the hammer from the toolbox
my ex just broke in im upstairs with the kids
hes got his hands round my neck
im in the spare room with the bed pushed against the door and hes throwing himself at it
hes pointing the gun at my head
""", "abuse", "imminent", "voice")

add("""
I left an abusive relationship five years ago and I'm safe now, I just need my old married name removed
My ex used to hit me but that's all over, he's abroad and I'm fine, it's just why I need a new account number
I grew up in a violent home, I'm ok now, it's just that loud phone calls make me jumpy
I had a controlling partner years ago so I'm careful with joint accounts, that's all
My refuge helped me get out two years ago and I'm doing great, can I change my address on file
""", "abuse", "low", "chat")

# ---------------------------------------------------------------- medical
add("""
My toddler drank some bleach
I think I'm having a heart attack
My mum collapsed and isn't breathing
I took double my insulin by accident and feel shaky
My baby's gone floppy and blue, what do I do
My husband's face has dropped on one side and he can't talk properly
My son's eaten some of my blood pressure tablets, he's three
I can't breathe, my throat's swelling up, I think it's the peanuts
My dad's fallen and hit his head and he's not waking up
I've got crushing chest pain going down my left arm, I was just trying to pay my bill
My little girl swallowed a button battery about ten minutes ago
My wife is having a seizure and it's been going for five minutes
There's a man collapsed outside your shop and he isn't moving
My daughter's drunk dishwasher liquid, she's coughing and crying
My friend's diabetic and she's gone all confused and sweaty and won't eat
My grandad's choking on his dinner and he's going purple
I've been stung by a wasp and my lips and eyes are swelling up fast
My baby's got a rash that doesn't fade under a glass and a high temperature
My mum's not breathing, I'm doing CPR, someone help
I accidentally took my tablets twice and now my heart's racing and I feel faint
My son's fallen off the climbing frame and his arm's bent the wrong way and he's very pale
My husband's been electrocuted fixing the light and he's on the floor
My toddler drank from the bottle of antifreeze in the garage
My partner's unconscious and I can't wake him, I don't think he took anything
Sorry to interrupt the chat, my dad's just collapsed in the kitchen
I've cut my hand badly on a broken glass while washing up and it won't stop bleeding
My baby's not breathing properly, she's making a funny grunting noise
I think my waters have broken and I'm bleeding a lot, I'm only 30 weeks
My friend's been in the sea too long and he's come out blue and confused
My little boy has swallowed some of the washing tablets
The gas has been smelling for an hour and now my kids are dizzy and being sick
I'm the account holder but I have to go, my neighbour's just fallen down the stairs and isn't moving
My dad's having an asthma attack and his inhaler's not working, he can't speak
I've come over all dizzy and my chest is tight, I'm on my own
My mum's diabetic and she's gone unconscious and I can't find her sugar stuff
There's smoke coming from the flat below and I can't get out the front door
""", "medical", "imminent", "chat")

add("""
I've had chest pains on and off all day and my left arm feels heavy
My toddler might have licked some of the washing powder, he seems ok but I'm worried
I took my insulin twice by mistake an hour ago and I'm starting to feel a bit shaky
My dad's got a really bad headache suddenly, worst he's ever had, and he's being sick
My son bumped his head at football and he's been sleepy and confused since
I think I've got sepsis, I've got a fever and I feel terrible and my wound's red
My mum's been really confused today and slurring a bit, it's not like her
My baby's had a temperature of 40 all night and isn't feeding
I've been vomiting blood this morning, I need to cancel my appointment with you
My wife's ankle is swollen and she's short of breath since the flight
I accidentally mixed bleach and another cleaner and I've been coughing since
My kid ate a berry from the garden and now he's got a tummy ache, I don't know what it was
I've had a bad fall and can't put weight on my leg, I'm on my own in the flat
My dad's blood sugar is really low and he's not making sense
My friend took something at a party last night and she's still really out of it
I've been having palpitations and feel like I might faint, I'm just calling about my prescription delivery
My daughter's allergic to nuts and she's just eaten a biscuit that had them, her lips are tingling
My husband burned his arm badly on the barbecue, the blisters are huge
I've got a pain in my side so bad I can't stand up straight
My grandma fell yesterday and now she's confused and won't get out of bed
I accidentally took two of my sleeping pills instead of one and feel very groggy
My boy's been bitten by a dog and the wound is deep
My chest has been tight since the fire alarm at work, I breathed in a lot of smoke
I'm pregnant and I've had bleeding and cramping since this morning
My neighbour's been in bed for three days and isn't answering the door, I can hear the TV
""", "medical", "high", "chat")

add("""
I've got a cold so sorry if I sound rough on the call
My back's been playing up so I'd rather have the parcel left at the door
I'm recovering from a knee operation, can I get a ground floor delivery
I broke my wrist last month so I'm typing slowly
My son's got chickenpox so I'm stuck at home, can I change the engineer visit
I'm diabetic, is there a way to get the pharmacy order earlier
I've got a migraine coming on so I'll keep this quick
My mum's in hospital for a planned hip replacement, I'm handling her bills
I've been off work with the flu, that's why the payment's late
I'm a bit deaf so chat works better for me than calls
My daughter's got tonsillitis, can I move my appointment
I'm on antibiotics for an ear infection, nothing serious
I've got long covid and get tired easily, can we do this over a couple of chats
My dad's on dialysis three times a week so he can't do mornings
""", "medical", "low", "chat")

add("""
I need to change my delivery, I'll be at the dentist
Can you send the invoice to my GP surgery address, I work there
I'm ordering plasters and paracetamol for the first aid box at the office
My prescription says take two a day, can I get the bigger pack from your shop
I work nights as a nurse so call me after lunch
""", "none", "none", "chat")

add("""
um my little boy got the cupboard open and hes swallowed bleach
my chest its like someone sitting on it and my arm is numb i think its my heart
my mums gone down on the kitchen floor and her chest isnt moving
i think i did my insulin twice i forgot id done it and now im sweating and trembling
my baby is floppy and hes gone a funny colour
my dads mouth has gone all droopy on one side and his arm wont lift
my son ate some of my tablets hes three
i cant breathe my throats closing up its the nuts
my grandad is choking and hes going purple
my wife is having a fit and it wont stop
theres a man collapsed outside and hes not moving
my little one swallowed a battery
""", "medical", "imminent", "voice")

add("""
um ive had this ache in my chest since breakfast and it goes into my jaw
my boy fell off his bike and banged his head and now he keeps nodding off
my nan injected herself twice by mistake shes going all pale and clammy
my mum sounds drunk but she doesnt drink her words are all mixed up
my babys got a really high temperature and wont feed
ive been sick and theres blood in it
i fell and i cant stand up im on my own
my daughter ate something with nuts and her lips are tingling
""", "medical", "high", "voice")

add("""
excuse the croaky voice ive got a bit of a bug
i broke my wrist so im a bit slow getting to the phone
my sons got chickenpox can we move the engineer
ive got a bad back so leave the parcel by the door
im a bit under the weather so ill be quick
""", "medical", "low", "voice")

# ---------------------------------------------------------------- more third_party, contact-centre mixing
add("""
I'm trying to pay my son's phone bill but he's just messaged me that he's taken all his pills, I have to go
Can you hold my order, my sister has just rung me from the cliff top and says she's going to jump
I was halfway through changing my tariff and my flatmate walked in with her wrists bleeding, she did it herself
Sorry, cancel that, my dad just sent me a text saying he's sorry for everything and his phone's switched off
I'm on the account for my mum, she's just called me slurring and said she's taken her whole prescription
My husband's just locked himself in the shed with the rope from the garage, I'm calling from the garden
Please can I ring back, my best friend's live location is on the motorway bridge and she said goodbye an hour ago
My boyfriend just sent me his passwords and said he won't need them anymore, now he's not answering
I'm at work and my daughter's just texted me a photo of blood in the sink, she says it won't stop
My brother-in-law has just gone into the sea with his clothes on, my sister's screaming
""", "third_party", "imminent", "chat")

add("""
I need to take over my husband's account because he says he won't be here next month and he's been giving things away
Can you freeze my son's card, he told me he's going to use the money to buy something to end his life
My dad asked me to cancel his subscriptions because he's planning to kill himself, he said it so calmly
I'm asking for my friend, she can't face calling, she's been cutting herself every night and says she wants to die
Could you stop the debt letters to my brother, he's said he'll kill himself if another one comes
My mum cancelled all her direct debits and told me it's because she won't need them, she's been talking about dying
I'm the joint account holder, my partner's been searching overdose amounts on the laptop
My flatmate asked me to look after her cat if anything happens, and she's been talking about suicide all week
My son's school rang to say he told a friend he's going to kill himself, I'm trying to get his phone unlocked
My grandad has been asking me how to leave his pension to us because he's going to end it, he said
My sister told me she's got a plan to end her life and asked me to sort her bills after
I'm ringing to close my wife's credit card, she's been saying she's going to overdose and I want to protect her
""", "third_party", "high", "chat")

add("""
My dad's been saying he'd be better off dead since the bills went up, can we get him on the social tariff
My mum's account is overdue and she keeps telling me she wishes she could just fall asleep and not wake up
My friend keeps saying she wishes the cancer would hurry up and take her
My brother's been saying he's a waste of space and wishes he'd never been born, I'm calling about his loan
My wife says she wishes she'd die in her sleep, she's exhausted with the kids and the debts
""", "third_party", "moderate", "chat")

add("""
um im meant to be paying the water bill but my daughter just rang she says shes taken a whole strip of tablets
sorry i have to go my sister just rang from the cliff says shes going to jump
my housemate just came downstairs with towels round her arms she says she cut herself and its not stopping
my son has taken the tow rope into the loft and pulled the ladder up
um dad messaged me please forgive me and now it goes straight to voicemail
my friends location is on the bridge and she said goodbye
""", "third_party", "imminent", "voice")

add("""
can i be put on my husbands account hes telling everyone he wont be around after this month
um can you block my sons card hes said hes buying what he needs to kill himself
my brother said hell kill himself if another letter comes
my gran has given me her bank cards and said shell be gone by spring and shes not ill
my flatmate keeps saying take the cat if im gone and shes been going on about killing herself
""", "third_party", "high", "voice")

add("""
my dad keeps saying hed be better off dead since the bills went up
my mum says she wishes she wouldnt wake up shes so tired
my friend keeps saying she wishes she wasnt here
""", "third_party", "moderate", "voice")

# ---------------------------------------------------------------- more self_harm voice and chat
add("""
um im only calling about the plasters order but ive been cutting again
i hurt myself after the bailiff came i did it in the bathroom
so in bed at night i go at my forearms with my nails theyre raw now
i burned my hand on the kettle on purpose this morning
sorry i cant lift the box ive got cuts all up my arm i did them myself
my wrists are all bandaged up from the weekend
""", "self_harm", "high", "voice")

add("""
um im trying not to cut while im waiting on this call
ive been wanting to hurt myself since the letter came
the urge to sh is really strong right now i havent done it
""", "self_harm", "moderate", "voice")

add("""
I bit my lip so hard it bled on purpose, it's a thing I do when I'm stressed, I did it about ten times today
I have fresh cuts on my hands and I'm supposed to be starting a job in a kitchen, can I delay my start date
The school nurse saw my arm today, I've been cutting since Christmas
Honestly I've hurt myself three times since the weekend and I'm hiding it from everyone
I got the knife out after the call and did it again, I'm so tired of this
""", "self_harm", "high", "chat")

add("""
I'm struggling not to cut tonight, can you just keep chatting with me about the account for a bit
All I can think about is hurting myself, I know that's not what this chat is for
""", "self_harm", "moderate", "chat")

# ---------------------------------------------------------------- extra hand-written rows
add("""
My little sister keeps saying she wants to unalive herself and she's only 13
My mate keeps saying he's going to ctb and he's stopped replying to anyone
My cousin's been posting sewerslide memes but last night she said she's actually going to do it
My boyfriend says he's going to k1ll himself, he writes it like that so the app doesn't flag it
My brother told me not joking he wants to kms and he's got the pills
""", "third_party", "high", "chat")

add("""
I checked with my brother and he's not thinking of hurting himself, he's just furious about the charges
My mum said she's sad about the move but she's absolutely not in danger, I asked her straight out
My son was upset after the exam but he's fine, he's at football now
My friend says she's low but safe and she's got her counsellor on Thursday
""", "third_party", "low", "chat")

add("""
My partner keeps a tracker on my car and says he'll know if I go to my mum's, I'm frightened of what he'd do
I had to set up a secret email because my husband monitors the old one, please only use this address
My boyfriend makes me show him every receipt and goes silent for days if I don't
""", "abuse", "moderate", "chat")

add("""
My husband broke my finger last night because I was on the phone to you about the bill
He said if the bank calls the house again he'll put me in the ground
My ex turned up at the kids' school with a knife last week and said next time it's me
""", "abuse", "high", "chat")

add("""
I can't finish this call, he's just come in and he's pulling the phone cable out, he's going to hurt me
He's found me, he's in the car park of the refuge and he's trying the doors
""", "abuse", "imminent", "chat")

add("""
My dad's choking on a sweet and he's gone silent, I'm hitting his back
My son's been stung and he's wheezing and his face is puffing up, we don't have an epipen
My wife passed out in the shower and she's not responding
""", "medical", "imminent", "chat")

add("""
I think my daughter took some of my tablets thinking they were sweets, she seems fine for now
My grandad's got a really bad pain in his belly and he's gone very pale, he's 90
""", "medical", "high", "chat")

add("""
I'm going to bury my ex in paperwork with this complaint, just you watch
I'll kill him with kindness, that's my plan for the neighbour now
My manager's going to murder me if I'm late again
""", "none", "none", "chat")

add("""
I've started cutting again, I did it in the work toilets today
I keep reopening the burn on my wrist so it doesn't heal, I know it's stupid
""", "self_harm", "high", "chat")

add("""
um my nephew hes been saying he wants to kms and he means it
""", "third_party", "high", "voice")

add("""
i did ask my sister if shed do anything silly and she laughed and said no shes just skint and fed up
""", "third_party", "low", "voice")

add("""
my partner tracks my phone and i get scared when im out
""", "abuse", "moderate", "voice")

add("""
oh no hes back early hes coming at me i have to go hes going to hurt me
""", "abuse", "imminent", "voice")

add("""
my wife was eating and now she cant breathe or talk shes clutching her throat
""", "medical", "imminent", "voice")

add("""
i took the pencil sharpener blade apart again and cut on my lunch break
""", "self_harm", "high", "voice")

add("""
honestly if the dog barks one more time ill lose my mind
""", "none", "none", "voice")

# ---------------------------------------------------------------- slot-filled: service opener + risk clause
# Each clause is used exactly once; openers rotate deterministically.
CHAT_OPENERS = [
    "Sorry, I know this chat is about my broadband bill, but",
    "Before we sort the refund out,",
    "I was going to ask about my order number but honestly",
    "I rang about the late payment fee earlier and",
    "This is about the joint account, and also",
    "I can't focus on the direct debit stuff because",
    "I'm meant to be updating my address but",
    "Quick one about my parcel, though actually",
    "I know you only deal with billing, but",
    "Can we pause the tariff change for a second,",
]
VOICE_OPENERS = [
    "um so i was calling about the bill but",
    "yeah hi its about my account and um",
    "so i was on hold for ages and",
    "i rang about the refund but uh",
    "sorry this is meant to be about my contract but",
    "er the reason im calling is",
]
CLAUSES = [
    ("self_harm", "moderate", "I keep wanting to hurt myself and I'm scared I'll give in tonight"),
    ("self_harm", "moderate", "the urge to burn myself again is really strong right now"),
    ("self_harm", "moderate", "I've been thinking about cutting ever since I opened the letter"),
    ("self_harm", "moderate", "I'm having really strong urges to hurt myself and I've moved the razors out of the bathroom"),
    ("self_harm", "high", "I've been cutting myself again most nights this week"),
    ("self_harm", "high", "I hurt myself after the last call and the marks are still fresh"),
    ("self_harm", "high", "I've been hitting myself until I bruise, it's happening every day"),
    ("self_harm", "high", "I relapsed on sh over the weekend, twice"),
    ("self_harm", "high", "I burned my arm on the oven door on purpose yesterday"),
    ("self_harm", "high", "I've been scratching myself till I bleed since the money worries started"),
    ("self_harm", "imminent", "I've just cut myself and the bleeding isn't slowing down"),
    ("self_harm", "imminent", "I went too deep with the blade a minute ago and I feel dizzy"),
    ("self_harm", "imminent", "I've just burned myself badly on purpose and the skin is peeling off"),
    ("third_party", "moderate", "my mum keeps telling me she'd rather be dead than carry on like this"),
    ("third_party", "moderate", "my husband says he wishes he could go to sleep forever"),
    ("third_party", "moderate", "my friend keeps saying nobody would miss her if she was gone"),
    ("third_party", "high", "my brother told me he's going to kill himself when the house is repossessed"),
    ("third_party", "high", "my daughter has been cutting herself and said she wants to die"),
    ("third_party", "high", "my dad told me he's got a plan to end his life"),
    ("third_party", "high", "my girlfriend says she's going to take her own life and she's been giving her things away"),
    ("third_party", "high", "my flatmate says she's saved up enough pills to die"),
    ("third_party", "high", "my wife said she's going to drive into the river one of these days"),
    ("third_party", "high", "my best friend told me she's researched how to hang herself"),
    ("third_party", "imminent", "my son just rang me from the top of the multi-storey saying goodbye"),
    ("third_party", "imminent", "my friend has just swallowed a bottle of pills in front of me"),
    ("third_party", "imminent", "my sister sent a goodbye message and now her phone is off"),
    ("third_party", "imminent", "my dad is standing on the railway bridge right now, I can see his location"),
    ("third_party", "imminent", "my partner has just cut his wrists and he's in the bathroom"),
    ("third_party", "imminent", "my son posted online that he's going to end it tonight and he's not at home"),
    ("none", "low", "my friend died by suicide a long time ago and it's still hard around this time of year"),
    ("abuse", "moderate", "my partner checks every penny I spend and I'm frightened to ask for anything"),
    ("abuse", "moderate", "my boyfriend reads my messages and I'm scared of how he'll react if he sees this"),
    ("abuse", "moderate", "my husband won't let me leave the house without him"),
    ("abuse", "moderate", "he's taken my car keys and my phone so I can't go anywhere"),
    ("abuse", "high", "my partner told me he'll kill me if I try to take the kids"),
    ("abuse", "high", "my husband beat me again on Sunday, I've got bruises everywhere"),
    ("abuse", "high", "my ex has been threatening to stab me and he knows my new address"),
    ("abuse", "high", "he chokes me when he gets angry and it's happened three times this month"),
    ("abuse", "high", "my son punched me in the face when I said no to more money"),
    ("abuse", "imminent", "he's banging on the door right now and shouting he'll kill me"),
    ("abuse", "imminent", "my partner is in the kitchen with a knife and I've locked myself in the toilet"),
    ("abuse", "imminent", "my ex has just got into the house and I'm hiding upstairs"),
    ("harm_to_others", "high", "I'm going to find the bloke who scammed me and I'm going to hurt him badly"),
    ("harm_to_others", "high", "I know where my ex lives and I'm going to make her pay for this"),
    ("harm_to_others", "high", "I'm going to hurt your engineer if he sets foot on my property again, I mean it"),
    ("harm_to_others", "high", "my stepdad's going to get a knife in him next time he touches my mum, I've decided"),
    ("harm_to_others", "imminent", "I'm outside his flat with a knife and I'm going in"),
    ("harm_to_others", "imminent", "I've got a hammer and I'm waiting for my landlord to come up the stairs"),
    ("medical", "imminent", "my toddler has just drunk some of the drain cleaner"),
    ("medical", "imminent", "my husband's collapsed and he isn't breathing"),
    ("medical", "imminent", "I've got terrible chest pain and I can't catch my breath"),
    ("medical", "imminent", "my baby's choking and I can't get it out"),
    ("medical", "imminent", "my mum's fallen and she's unconscious and bleeding from her head"),
    ("medical", "imminent", "my daughter's having an allergic reaction and her face is swelling up"),
    ("medical", "high", "I took too much of my heart medication by mistake and I feel dizzy"),
    ("medical", "high", "my son banged his head and he keeps being sick"),
    ("medical", "high", "my dad's speech has gone slurred in the last hour"),
    ("none", "none", "I could honestly kill whoever designed this login page"),
    ("none", "none", "my flatmate's going to murder me when she sees the bill"),
    ("none", "none", "this queue is killing me"),
    ("none", "none", "I'm going to strangle my brother, he's used all the data again"),
    ("none", "none", "my kids are going to be the death of me"),
    ("none", "none", "I'll kill my husband if he orders another gadget on my card, he's hopeless"),
]

for i, (cat, lvl, clause) in enumerate(CLAUSES):
    if i % 3 == 1:
        opener = VOICE_OPENERS[(i // 3) % len(VOICE_OPENERS)]
        add(opener + " " + clause, cat, lvl, "voice")
    else:
        opener = CHAT_OPENERS[(i * 7) % len(CHAT_OPENERS)]
        add(opener + " " + clause, cat, lvl, "chat")


# ---------------------------------------------------------------- write + validate
LEVELS = {"none", "low", "moderate", "high", "imminent"}
CATS = {"suicide", "self_harm", "harm_to_others", "abuse", "medical", "third_party", "none"}
CHANNELS = {"chat", "voice"}

if __name__ == "__main__":
    seen = set()
    for r in ROWS:
        assert r["level"] in LEVELS and r["category"] in CATS and r["channel"] in CHANNELS, r
        key = r["text"].lower()
        assert key not in seen, "duplicate: " + r["text"]
        seen.add(key)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "other_risk.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in ROWS:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(ROWS), "rows to", out)
