"""Generator for detector/corpus/suicide.jsonl (hand-written rows + a small share of slot-filled templates).

Every text below was written for this corpus. Deterministic output.
"""
import json
import os
import random


def lines(block):
    return [ln.strip() for ln in block.strip("\n").split("\n") if ln.strip()]


# ---------------------------------------------------------------- MODERATE (passive ideation, burden, hopelessness)
MOD_CHAT = lines("""
I keep wishing I just wouldn't wake up in the morning.
Honestly I'd be fine if I went to sleep tonight and that was it.
Everyone would be better off without me, I'm sure of it.
My kids deserve better than having me around.
There's no point in going on like this.
I can't see a future for myself at all.
what's the point of anything anymore, I just want it to stop
I wish I could just stop existing for a while. Or forever.
Sometimes I hope a bus hits me on the way to work so I don't have to deal with any of it.
I'm just a burden on my family, they'd cope better if I was gone.
I don't want to be alive anymore but I'm not going to do anything.
Some days I wish I'd never been born.
I just want to disappear forever and not have anyone look for me.
i dont see the point in living tbh
Can you just cancel the account? Not sure I'll be around much longer to care, honestly.
If I died tomorrow nobody would notice until the rent was late.
I'm so tired of being alive.
I keep thinking my wife would be happier if I wasn't here.
My parents would have an easier life without me dragging them down.
It would be a relief not to exist.
I pray every night that I don't wake up.
Why bother. Nothing is ever going to get better for me.
I feel like I'm just taking up space that someone else deserves.
I'm not planning anything, I just really wish I was dead.
Every single morning I'm disappointed that I woke up again.
I'd honestly welcome it if something happened to me.
I've stopped caring whether I live or die.
sorry for dumping this on a billing chat but i genuinely dont want to be here anymore
There's nothing left for me, I'm just going through the motions until it's over.
I wish I could fall asleep and never have to come back.
My family keeps bailing me out. They'd be richer and happier without me.
I'm a waste of oxygen, the world wouldn't miss me.
What's the point of fixing my credit when I don't even want a future?
Life feels like a sentence I'm serving and I just want it to end.
I keep hoping I'll get sick and it'll just be over.
I don't want to die exactly, I just don't want to be alive either.
Honestly if I didn't wake up tomorrow that would be okay with me.
I wish I could just vanish and stop being a problem for everyone.
nobody would even care if i was gone lol
I have no future. I've accepted that.
My son would be better off with his dad. Without me in the picture at all.
I'm tired of fighting to stay alive every day.
Sometimes I think the only way out of this debt is me not being here.
I feel like a burden to literally everyone who knows me.
im so done with life
I don't see myself being around in a few years and I'm weirdly okay with that.
I want everything to stop. The noise, the bills, me. All of it.
It'd be easier for everyone if I just wasn't around anymore.
Please don't worry, I'm not going to do anything. I just wish I could go to sleep forever.
Every day I think about how nice it would be to not exist.
I've been feeling like the world would be better off without me in it.
I'm only still here because I don't want to upset my mum.
I honestly don't know why I'm still alive.
I wish I had never woken up from the operation last year.
Is it normal to want to just stop? Like stop being a person?
There's no light at the end of any tunnel for me anymore.
I'm done hoping things will get better. They never do.
I don't want to live like this and I can't see any other way to live.
You can close the whole thing down, I don't see much of a future for me anyway.
I'm a burden to my partner. She'd be free if I wasn't here.
what even is the point of me
I feel like dying would be easier than waking up to this every day.
I'd give anything to just not be here.
I keep thinking about how peaceful it would be to be dead.
Not going to lie, I wish I'd been in that car crash instead of walking away from it.
I wish I could just fade out.
I feel like I've already stopped living, my body just hasn't caught up.
Everyone I love would be better off without me messing up their lives.
My grandkids would be better off without a useless old man hanging around.
I'd like to go to sleep for a very long time. Maybe forever.
I'm not suicidal I just wish I was dead, if that makes sense.
i just want it all to end man
There isn't a single reason left for me to keep going.
I honestly feel like a weight around everyone's neck.
I don't want to be a part of this world anymore.
All I want is for it to be over.
Sorry, it's not about the refund really. I just don't see the point in anything, including being alive.
I keep thinking my daughter would grow up happier without a mess like me for a mother.
I wake up and the first thing I think is 'not again'.
I don't care what happens to me anymore. If I died I wouldn't mind.
I'd be doing my family a favour by not being here.
I wish I could just disappear off the face of the earth.
I've been wishing for a heart attack. How messed up is that.
Living feels pointless. Every single day feels pointless.
nothing matters and i just want to not exist
It feels like I'm just waiting to die.
I hope I don't make it to my next birthday.
I'm not going to hurt myself but honestly I wouldn't fight it if something happened.
I'd rather be dead than keep living like this, but I'm not doing anything about it.
What's the point of a five year plan when I don't want to see next year.
I'm tired. Not sleepy tired. Tired of being alive.
There's no version of my future that I want to be in.
People keep telling me it gets better. It doesn't. I don't want to keep going.
I just want to go to sleep and not wake up, is that so much to ask
I feel like I'm a burden on the NHS, on my family, on everyone.
Nobody needs me. They'd get over it in a week.
I don't think I want to be around for much longer.
Life's just not worth living anymore.
Honestly I think my family would throw a party if I was gone.
Dying sounds like a holiday at this point.
I wish I could just stop. Stop breathing, stop thinking, stop everything.
ngl i wish i was dead
I'm only 24 and I already feel like I've lived too long.
i dont wanna be alive anymore but i dont wanna hurt anyone either
Every night I hope it's the last one.
I used to have dreams. Now I just dream about not existing.
What's even the point of trying anymore? I'll always end up here.
My husband deserves someone who isn't constantly dragging him down. He'd be better off if I was gone.
I feel like my life is already over.
Sometimes I think about how much cheaper everything would be for my family if I wasn't here.
no future no point no reason
I just don't want to wake up anymore 😞
i feel like everyone would be relieved if i died 🥲
I wish I could just not be here 😔
tired of existing 🪦
I'm so over being alive honestly 😶
Can't see a way forward. Can't see why I'd want one.
It's like I'm standing still while everyone moves on. I don't want to keep standing here.
There's no one who'd miss me. I mean that literally.
I'm a drain on everyone around me.
Please just sort the payment plan, I don't even know if I'll be around to finish it.
Don't bother with the loyalty offer, I don't expect to be around long enough to use it.
I keep telling myself it won't matter soon anyway.
I've given up on my life. I just haven't told anyone.
I don't have the energy to keep existing.
Sometimes I lie in bed and hope my heart just stops.
I want to go to sleep and stay asleep.
Honestly the idea of being dead is comforting right now.
My life is a burden to me and to everyone else.
I feel like I'm already gone.
I just wish someone would switch me off.
There's nothing to look forward to, so why keep going?
If there was a button to stop existing I'd press it.
I keep praying God will take me in my sleep.
My kids would be better off in care than with me, honestly they'd be better off if I wasn't alive.
I wish I could just die and get it over with.
I'm not living, I'm surviving, and I'm not sure I want to do that either.
Wish I didn't exist tbh
I'm tired of being the problem. Everyone would be better off if I just left for good.
i just want to sleep forever
What's the point of me waking up every day
i'm just so tired of living
My brain keeps saying everyone would be better off. I'm starting to believe it.
I'd like to just not exist anymore. That's all.
Life has nothing left for me.
I think the world would be a better place without me.
The future's blank. I genuinely can't picture myself in it.
Some days I wish the plane would just go down.
I can't keep doing this for another 40 years. I don't want to.
my family would be better off without me and thats just a fact
I wish I could just evaporate.
Every time I cross the road I kind of hope a car doesn't stop.
Honestly? I'm exhausted by being alive.
It feels like the only peace I'll get is when I'm dead.
I'm tired of being a disappointment. They'd be happier without me.
Please close my account, I won't need it where I'm heading... I mean I don't see myself needing anything soon. I'm just done.
I don't want to kill myself, I just want to stop being alive. I know that sounds weird.
I've stopped making plans because I don't see the point of being around for them.
My carer would have her life back if I was gone.
Being alive is just too much effort.
Nobody would notice if I disappeared for good.
I'd be lying if I said I wanted to see next year.
I envy people who died young. Is that awful?
I just want to stop feeling. Even if that means stopping everything.
It's pointless. I'm pointless. Living is pointless.
idk why i'm still here honestly
Every day I hope something takes me.
I can't imagine being alive in five years and I don't want to.
I just feel like I'm waiting for the end.
I'm worthless and everyone would be better off without me.
My whole family would have less stress if I was gone.
I wish I could just not wake up, sorry to say that on here.
There's literally no reason for me to be alive.
My life has no point. I don't see why I keep going.
Honestly I'm only hanging on for my dog.
If it weren't for my cat I wouldn't bother being here.
I'm so sick of life. I want out.
I want out of life. Not doing anything, just want out.
Sorry, I know you just handle delivery issues. I've just been feeling like there's no reason to stay alive.
I'd rather not be alive than deal with another year of this.
I keep thinking the insurance money would help my kids more than I ever could.
You can stop the direct debit. I'm not sure I'll be here to need the service much longer, I just don't care about anything.
I've been wishing I'd just die in my sleep.
Sometimes I wish I could close my eyes and never open them.
Even my therapist can't think of a reason for me to keep going.
I don't think I'm meant to be alive.
I'm done with life. Not in a dramatic way, just done.
I want to stop existing so badly.
Everyone would be happier if I'd never been born.
Being dead has to be better than this.
wish i could just disappear 🫥
dont want to be here anymore 😞😞
i really dont want to exist anymore
I keep hoping I'll just not wake up.
Honestly just fed up with being alive at this point.
im a burden to everyone around me and they'd be better without me
It feels like the world is telling me I shouldn't be here.
Every day is just one more day I didn't want.
I'm tired of surviving. I want it to be over.
there's no point to my life anymore
I have nothing to live for.
Nothing's worth living for anymore.
I've run out of reasons to stay alive.
I'd be okay if I just slipped away quietly.
Honestly death doesn't scare me anymore, it sounds like rest.
""")

MOD_VOICE = lines("""
so so i um i just dont wanna be here anymore
i just i dont see the point in going on you know
honestly everyone would be better off without me
i wish i could just go to sleep and not wake up
yeah i um i keep thinking my kids deserve better than me
i dont really care if i live or die anymore to be honest
its like whats the point of any of it i just want it to stop
i just want to disappear like forever
sorry im just um i dont see a future for myself at all
my family would be better off if i wasnt around
i keep hoping i dont wake up in the morning
i mean i wouldnt do anything but i wish i was dead
theres no point theres just no point anymore
can you just cancel it i wont i dont think ill be around much longer anyway
im just a burden im just a burden on everyone
i i dont want to be alive anymore
honestly i feel like my wife would be happier without me
im so tired of living im just so tired
i dont know why im still here honestly
uh yeah so the thing is i dont really see the point of living
nobody would miss me if i was gone nobody
every day i wake up and im disappointed im still here
its just i wish i could stop existing you know just stop
i dont see how things ever get better so whats the point of me
my kids would be better off with someone else honestly they would
i keep thinking it would be a relief to be dead
im not gonna do anything i just dont want to be here
yeah no i just uh i dont want to live like this anymore
id be doing everyone a favour if i wasnt here
i pray i dont wake up every night i do
sorry sorry im crying i just dont want to exist anymore
its like im already dead inside and id rather just be dead
whats the point of sorting the bill if i dont even want to be alive
my mum would have a much easier life if i wasnt around
i feel like such a burden on my husband he deserves better
theres nothing left for me theres nothing
i just want it all to be over thats all i want
um i dont know i just feel like giving up on life
i wish id never been born honestly
i dont see myself getting old i dont want to
if i got hit by a car tomorrow i wouldnt even mind
i just want to go to sleep forever and thats it
you know i just i dont have a reason to keep going anymore
i just feel like everyones life would be easier without me in it
i keep wishing something would just happen to me
um no i wouldnt hurt myself but i wish i could just stop being alive
honestly i just want to fade away
theres no future for me love there isnt
im an old man and im a burden on my daughter shed be better off if id gone
id rather be dead than carry on like this
sorry i just its been so hard and i dont want to be alive anymore
i just dont want to keep going theres no point
can we can we just close it i dont think ill need it i dont think ill be around
im so done with everything im done with life
everybody would be happier if i just wasnt here
what am i even living for
i keep thinking about not existing and it feels peaceful
i just want the pain to stop and i dont care how it stops
my children deserve a better dad than me theyd be better off without me
i dont wanna wake up tomorrow
honestly i wish i could just disappear and nobody would have to deal with me
its like im just waiting to die at this point
i feel like a waste of space honestly a total waste
i dont think theres any point in me being alive
um sorry i know youre just the phone company but i really dont want to be here anymore
no one would even notice if i was gone
i i just wish it would all stop
i cant picture a future i just cant
my life is over it just hasnt ended yet
i want to go to sleep and never wake up thats how i feel every night
""")

MOD_LONG = lines("""
I lost my job three weeks ago and I still haven't told my wife. I leave the house every morning like I'm going to work and just sit in the car park. The mortgage payment is coming out next week and there's not enough to cover it. Honestly I keep thinking she and the kids would be better off without me. I'm not going to do anything, I just can't see how I'm supposed to fix any of this. I'm only messaging because I need to move the payment date.
It's been eight months since she left. The flat is so quiet I can hear the fridge. My friends stopped calling after the first couple of months which I get, I'm not fun to be around. I go to work, come home, stare at the wall. I wish I could just go to sleep and not wake up. I don't really know why I'm writing this here.
I've had chronic pain for six years now. Every doctor says something different and none of it works. I can't work, I can't sleep, I can barely walk to the shop. My partner does everything for me and I can see how tired she is. She'd have a life again if I wasn't here. I don't want to die exactly, I just don't want to keep living like this.
I'm 17 and everyone at school hates me. They post stuff about me in group chats I'm not in and someone always screenshots it to me. My parents think I'm just moody. I honestly wish I could disappear and never come back. I don't see the point in anything anymore. Sorry, I know this isn't what this chat is for.
So I'm about 40k in debt across cards and loans and I've been juggling it for years. Last month I missed two payments and now the letters are coming every day. I can't open them anymore. Sometimes I think the only way this ends is if I'm not around. I'm not planning anything. I'm just so tired. Can you tell me what happens if I stop paying?
I moved here for a job that fell through after a month. I don't know anyone. I haven't spoken to a single person out loud in about nine days apart from the till at the supermarket. I keep thinking if I died in this flat nobody would find me for weeks, and the worst part is that doesn't even scare me. It just feels like it would be a relief.
My mum passed in spring and I was her carer for four years. Now I don't have a job, a routine, or anyone to look after. My brother says I should be relieved. I'm not. I just feel like there's no reason for me to be here anymore. I wish I'd gone with her. I know that sounds dramatic.
I'm writing because I need to pause my gym membership but honestly I'm not sure why I'm bothering. I haven't left the house in weeks. Work put me on sick leave. My girlfriend is staying with her parents. I don't really see a future where things are good again. Most days I just wish I could stop existing.
After the diagnosis everything changed. I'm on so many meds I can't think straight and I can't drive anymore. My kids have had to grow up fast to look after me. I look at them and think they deserve a normal life, not this. They'd be better off without me. I'd never do anything to them, but I think about not being here a lot.
I got made redundant after 22 years. I was good at that job. Now I'm 54 and nobody will hire me. My wife is working double shifts to keep us afloat and I just sit here. I feel like a burden. I feel like a waste of space. I don't see the point in going on like this, I really don't.
We lost the baby in January. Everyone expects me to be moving on by now. My husband has gone back to work and acts like everything's fine. I can't stop thinking I don't want to be alive without her. I'm not going to do anything, I just wish I could go to sleep and not wake up. I don't know who else to tell.
Uni is going terribly. I've failed two modules and I'm going to have to tell my parents who remortgaged their house for me to be here. I haven't been to lectures in a month. I lie in bed all day. Honestly I think they'd be better off if I just wasn't around. I'm not sure what the point of me is anymore.
I've been single parenting since he walked out. Three kids, two jobs, no sleep. Last night I sat in the bathroom for an hour because it was the only place I could be alone. I love my kids but some days I think they'd be better off with someone who isn't falling apart. I keep thinking it'd be easier if I just disappeared. I wouldn't, but I think it.
Sorry this is long. My landlord is selling and I have to be out by the end of the month. I can't afford anywhere else around here. My job is here, my daughter's school is here. I've applied for forty places. Every night I lie awake thinking there's no point to any of it. I'm not sure I want to keep going, to be honest. I just need to know if you can delay the final bill.
I'm a nurse and I've been doing this for fifteen years. Since the pandemic I've been running on empty. I come home and can't feel anything. I've started thinking that if I didn't wake up it wouldn't be the worst thing. I'd never act on it, I have patients and a family. But the thought is there every day now and it's scaring me a bit.
It's my birthday today and nobody has messaged. Not my family, not anyone. I know it's silly to be upset about that at my age. But it kind of confirmed what I've been thinking for a while, that if I wasn't here nobody would notice. I don't see the point in carrying on. I'm just going through the motions.
Ever since the accident I haven't been able to work. Compensation is taking forever and the bills keep coming. My partner is doing everything. I heard her crying on the phone to her sister last week about how hard it is. She didn't know I could hear. I think she'd be better off without me, honestly. I'm just a weight she's carrying.
My business went under last year. I lost the house, the car, most of my friends. I'm living in my sister's spare room at 46. She's kind about it but I can see it's a strain. I keep wishing I would just not wake up one morning. It would make life simpler for everyone. I'm messaging to cancel my old business line.
I've been bullied at work for about a year. My manager makes comments in front of everyone and HR does nothing. I dread every single morning. Sunday nights I can't sleep. I don't want to be alive if this is what life is. I'm not going to hurt myself but I can't see any way out.
My anxiety has got so bad I can't leave the house. I order everything online, that's why I'm here actually, my parcel is missing. But while I'm typing this I'll just say it, I don't see a future for myself. I don't know what I'm living for. Every day is the same four walls.
I came out to my parents last year and they haven't spoken to me since. My brother says I should just apologise. Apologise for what? I feel like I don't belong anywhere. I keep thinking it'd be easier for everyone if I just stopped existing. I don't have a plan or anything. I'm just tired of feeling this way.
I'm 78. My wife died two years ago. My children live abroad and call on Sundays. My hips are bad and I can't garden anymore. I've had a good life but I don't see the point in it going on. I wouldn't do anything silly. But I do go to bed hoping that it's the last time.
My husband's been out of work for a year and I'm the only income. I've maxed out the overdraft. I skip meals so the kids can eat. Last week I caught myself thinking the life insurance would sort everything. That scared me. I don't want to do anything but I can't stop thinking they'd be better off.
Honestly I'm only on this chat because I want to cancel the streaming subscription, I haven't watched anything in months. I don't really do anything anymore. I've stopped replying to friends. I sleep fourteen hours a day and still feel exhausted. I don't want to die, I just don't want to be alive. Does that make sense to anyone?
I've been on the waiting list for mental health services for nine months. Every time I call they say it won't be long. Meanwhile I've lost my job, my relationship, and most days I can't get dressed. I'm not going to hurt myself but I feel like there's no point going on. I feel like I'm just waiting for everything to stop.
My daughter has stopped letting me see the grandchildren after an argument. It was over something so small. I've apologised but she won't answer. They were the only thing that got me out of bed. Now I don't see what I'm here for. I keep hoping I just won't wake up. I'm not going to do anything silly, I promise.
I've been sober for two years and I relapsed last month. Lost my job, lost my sponsor's trust, lost my girlfriend. I'm back to square one at 38. I feel like I've let everyone down again. They'd all be better off without me constantly screwing up. I don't have a plan, I just can't see a reason to keep trying.
I got diagnosed with MS last spring. I was a runner. Now some days I can't walk to the bathroom. Everyone says stay positive. I'm trying. But every night I lie there thinking I don't want a future like this. I don't want to be around to see myself get worse. I haven't told anyone that.
Every month it's the same thing, choosing between gas and food. My kids are in coats inside the house. I've been to the food bank three times. I'm so ashamed. Sometimes I think if I wasn't here the council would have to rehouse them somewhere better. I'd never do anything but I keep thinking they'd be better off.
I'm a carer for my son who has severe disabilities. I love him more than anything. But I haven't slept more than four hours in years and I've got no help. I wish I could just stop. Not die exactly, just stop. But sometimes stopping and dying feel like the same thing. Sorry, I just needed to say it somewhere.
i lost my job and then my girlfriend and then my flat all in like two months. im sleeping on my mates sofa and he's getting sick of me. i cant get benefits sorted because i dont have an address. honestly i dont see a future for myself. i just want it all to stop. im not gonna do anything stupid i just dont care anymore
I used to love my job but since the restructure I've been doing three people's work. I cry in the toilets every day. My manager said if I can't cope maybe I'm not right for the role. I've started thinking how nice it would be to just not exist. No emails, no deadlines, nothing. I don't have a plan, I'm just really, really tired.
Honestly the only reason I'm contacting you is to change my address, I'm moving back in with my parents at 33. My marriage is over. I lost most of my savings in the divorce. I feel like a complete failure. I keep thinking everyone would have an easier time if I wasn't around. I just can't see how I'm supposed to start again.
I've had depression since I was a teenager. I'm 41 now and I've tried every medication, every therapy. Some years are better. This isn't one of them. I've stopped believing it's going to get better. I'm not in danger right now but I wish I could just not be here anymore. I'm so tired of fighting it.
My dad died in January and my mum in May. I'm an only child and I'm dealing with two estates, the house, everything. I go to work and smile and come home and sit in the dark. I keep thinking there's no one left who needs me. I don't want to be here without them. I haven't done anything, I just wanted to say it out loud.
Since the fire we've been in temporary accommodation. One room, four of us. I've lost my job because I couldn't get there on time from here. My kids keep asking when we're going home. I can't answer them. I feel like I've failed them completely and they'd be better off without me. I just don't see what I'm for anymore.
""")

MOD_LONG_VOICE = lines("""
so um i lost my job last month and i havent told anyone and the rents due and i just i dont know i keep thinking everyone would be better off if i wasnt here i wouldnt do anything i just um i dont see the point anymore sorry i just need to change the payment date
yeah hi so im calling about the bill but um honestly its been really bad since my wife left me and i i cant sleep i cant eat and i keep thinking i just dont want to wake up tomorrow you know i wouldnt do nothing i just dont want to be here
so my mum passed and ive been on my own in the house and the bills are all in her name and i dont know how to do any of it and um i just feel like theres no reason for me to be here anymore i just want it to stop
hi um its about my account but i just um ive been really ill for years and my partner does everything for me and i feel like such a burden honestly shed be better off if i was gone i just dont see the point of going on like this
ok so so im ringing because ive got debt collectors calling every day and i cant i cant deal with it anymore and um sometimes i think if i just wasnt around it would all go away you know i dont want to live like this
yeah i um ive been off work with stress for three months and theyre gonna let me go probably and i just honestly i dont see a future for me i dont i keep wishing i could just disappear for good
so its my son hes he doesnt talk to me since the divorce and i i just dont see why im still here to be honest im not gonna do anything i just think nobody would miss me
um hello yeah sorry im calling about the broadband but its um its been a hard year i lost my job and my dog died and i just i dont want to be alive anymore thats the truth i wouldnt do anything though
i um so i get bullied every day at school and i told a teacher and nothing happened and now its worse and i just wish i could not exist anymore i dont know why im telling you this
so im seventy nine and i live on my own and i cant get out much and um to be honest i just wish the good lord would take me i wouldnt do anything but i dont see what im still here for
""")

# ---------------------------------------------------------------- HIGH (active ideation, method without time, slang)
HIGH_CHAT = lines("""
I've started thinking about how I'd end my life.
I want to kill myself.
I'm going to end it. I don't know when yet but I am.
I keep looking up ways to die.
I've thought about jumping off the bridge near work.
seriously, not joking, I want to kms
i should just kys honestly
I want to unalive myself.
thinking about sewerslide again ngl
i want to k1ll mys3lf
I keep thinking about su1c1de
i just want to d i e
thinking about ctb tbh
Honestly I've been thinking about catching the bus. The one you don't come back from.
I want to end it all.
Some days I think I'll just off myself and be done with it.
I'm going to top myself one of these days, I swear.
I won't be here much longer, I've decided.
I've been researching how many of my tablets it would take.
I've been thinking about hanging myself. I haven't done anything yet.
I keep picturing driving my car into a wall on the motorway.
I want to die. Not in a dramatic way. I actually want to die.
I've been googling painless ways to go.
I've been thinking about killing myself every day this week.
I know exactly which bridge I'd use.
i want to kill myself and i mean it
not even kidding i want to die
lol no but actually i want to kms
I'm thinking about ending my life.
I think I'm going to kill myself eventually. I just haven't worked out when.
My plan is to take all my meds at some point, I just haven't picked a day.
I've been stockpiling my prescription. Not sure when I'll use it.
Every time I'm on the platform I think about stepping in front of the train.
I'm suicidal.
I've been having suicidal thoughts and they're getting stronger.
I keep thinking about slitting my wrists.
I want to end my life and I don't see why I shouldn't.
i think about killing myself all the time
I've thought about how I'd do it. Pills, probably.
There's a rope in the garage and I keep thinking about it.
I've been thinking about walking into the sea.
I looked up the tallest buildings in town last night. I know why.
Sorry to bring this up on a support chat but I'm thinking about killing myself.
Just cancel everything. I'm planning to end my life, I just don't know when.
I've decided I don't want to be alive anymore and I'm working out how.
I've written half a note. I haven't finished it.
My mind keeps going to the car and the garage.
I've been reading about overdoses.
i want to end my life so badly
i keep thinking about jumping
I'm going to kill myself if this debt doesn't get sorted.
If they repossess the house I'll kill myself, I mean that.
If I lose custody I'm ending it.
If I get fired I'm going to off myself, simple as that.
If she doesn't come back I'm going to end my life.
I can't do this anymore. I'm going to end it.
i dont want to live i want to kill myself
fr i'm gonna unalive myself one of these days
i'm gonna sewerslide fr
gonna kms if this exam goes badly, and i'm not joking this time
i'm so close to ending it
I'm not going to make it much longer. I'm going to do something.
I keep thinking about how to end it without my kids finding me.
Thinking about taking the whole bottle at some point.
I keep standing at the edge of the cliff on my walks and thinking about it.
My thoughts about suicide are getting more specific.
I have a plan. Not a date, but a plan.
I've worked out how I'd do it. I'm just not sure when.
I want to die and I've been thinking about how.
Honestly I think I'm going to kill myself.
The only thing stopping me from killing myself is my mum. And that's not enough anymore.
i really want to end my life
I've been thinking about ending things, properly this time.
I've been looking at train timetables for the wrong reasons.
I'm going to end my life. I just need to sort a few things first.
i want to die so bad 😭
im gonna kms 💀 not joking
want to unalive 🪦
thinking about 💊💊💊 all of them
I keep thinking about the kitchen knives 🔪
ready to ctb
I'm thinking of taking my own life.
I'm considering suicide.
I don't want to be alive anymore and I've started thinking about how to make that happen.
I keep researching methods online.
I keep looking up how long it takes to die from various things.
The thought of killing myself is the only thing that gives me relief.
I want to off myself.
i'm going to top myself i swear
honestly i might just end it one of these days, idk
I'm not safe with myself right now. I keep thinking about dying.
I want to jump off something high.
I keep thinking about drowning myself.
i'm gonna kill myself eventually it's just a matter of time
Sometimes I drive really fast hoping I'll have the guts to swerve.
I've been thinking about crashing my car on purpose.
I've got my dad's old shotgun in the loft and I think about it.
I want to end it but I'm scared. I keep thinking about how though.
Yeah I've got a way in mind. I'm not telling you what.
If I'm honest I've got thoughts about killing myself most days now.
My suicidal thoughts are back and worse than before.
I keep thinking about cutting deep enough to not wake up.
Just close the account. I'm going to kill myself, so it won't matter.
Can you remove me from the family plan? I'm planning on ending my life, they shouldn't have to pay for me.
I'm gonna end it all soon.
i'm not gonna be around much longer. i've made my mind up
I think I'm going to do it. Not today but soon.
I keep imagining my funeral and planning how I'd go.
I've thought about stepping off the roof of the car park at work.
Seriously I want to kill myself, please don't tell me to call someone.
k i l l m y s e l f. that's what I want.
want to d1e
i'm thinking about su1cide again
i keep thinking about unaliving
i wanna unalive so bad
sewer slide is sounding good rn
gonna catch the bus fr
tempted to ctb honestly
im gonna off myself lmao. no actually im serious
lol i wanna kms. not a joke, i actually do
yeah so i think i'm going to kill myself. anyway how do i update my card
I honestly want to top myself.
Every night I think about ending it and it's getting harder to say no.
I want to end my life before things get worse.
I want to die. I've been looking at ways.
I'm tired of fighting the urge to end my life.
My urge to kill myself is really strong today.
I've got thoughts of killing myself and I don't know what to do with them.
I keep thinking about taking all the pills in the cupboard.
I want to hang myself.
I want to throw myself under a train.
I keep thinking about jumping off the multi-storey.
I've been planning my suicide in my head.
I've started giving some thought to how I'd end it.
I'm thinking about killing myself, I just wanted someone to know.
I'm going to kill myself, I don't know how much longer I can hold off.
Honestly I don't think I'll be alive by the end of the year. I'm going to do it.
Not going to be here much longer, no point renewing.
Don't renew my contract, I won't be here much longer. I'm going to end it.
Please don't send any more letters. I won't be alive to read them soon. I've decided.
I'm just going to kill myself and get it over with.
This is the last straw, I'm going to kill myself.
i think i want to commit suicide
I want to commit suicide.
I'm planning suicide.
I've been thinking of ways to kill myself that would look like an accident.
I want it to look like an accident so the insurance pays out.
I keep thinking about overdosing.
overdose is on my mind constantly
i've been looking into how to od
I want to overdose.
I'm gonna take all my antidepressants one day.
I have enough saved up pills. I'm just waiting for the right moment.
I'm so close to doing it.
The bridge on my commute keeps calling me.
i keep looking at the motorway bridge when i drive under it and thinking about it
I've thought about the railway line behind my house.
I've been reading suicide forums.
I joined a forum about methods. I know I shouldn't have.
I'm scared of how much I want to kill myself.
I've got suicidal thoughts with an actual plan now.
It's not just wishing I was dead anymore. I'm thinking about how to do it.
I'm serious this time, I want to end my life.
I've been thinking about ending my life since he left.
Since I lost my job all I think about is killing myself.
i've been self harming and now i'm thinking about going further. like ending it.
I'm not joking when I say I want to kill myself.
No this isn't a joke. I want to die and I'm thinking of doing it.
Yeah ok I'm being dramatic but honestly I do want to kill myself.
i literally want to unalive myself rn
i'm gonna kms i can't take this
i need to die
I'm going to kill myself, I really am.
idc anymore im gonna end it
i'm going to end it all one day soon
end it all. that's all i think about
I've thought about it so much I know the exact spot.
I drove to the quarry yesterday and sat there thinking about it.
I went up to the top floor of the car park and looked over. I'll go back.
I keep putting the rope away and getting it out again.
I've bought a rope. I haven't done anything with it.
I found the tablets in my mum's cupboard and I keep thinking about them.
I've been collecting paracetamol for a while now.
I'm going to drink myself to death, I mean that literally.
I'd use the car. I've thought about it a lot.
I've thought about it, the knife drawer is right there.
Last night I sat on the edge of the bath thinking about how to do it.
I keep writing goodbye letters in my head.
I've started drafting a note in my phone.
I've been thinking about who would find me.
I keep wondering if it would hurt. I'm working up to it.
I think the only way out is to kill myself.
Suicide feels like my only option.
Suicide is the only answer I can see.
I don't see any other way out than suicide.
I'm done. I'm going to end my life.
I'm going to kill myself. Please just close the account.
gonna kms if i have to go back to that school
if this payment bounces i'm ending it, i'm not joking
If my dad finds out I'm going to kill myself.
I'm going to take my own life. I've made up my mind.
i want to jump off the bridge
i want to hang myself tbh
i want to slit my wrists
ive been thinking about walking in front of a lorry
I want to just drive off the cliff road.
I keep thinking about not waking up on purpose, like making it happen.
I've been thinking about gassing myself in the car.
Thinking about going to the woods and not coming back.
I keep thinking about the sleeping pills in the drawer.
I'm thinking about taking the insulin all at once.
I think about taking all my meds every night.
I've got a stash. I'm not saying where.
Honestly I'm going to do something stupid. Like end it.
i wanna end it 😞
i want to kms 😭😭
im gonna unalive myself 💀
seriously gonna end it all 🪦
""")

HIGH_VOICE = lines("""
i um i want to kill myself
so so i ive been thinking about how id end it
i keep um looking up ways to die on my phone at night
i want to end my life honestly i do
ive thought about um jumping off that bridge by my work a lot
yeah i i think im gonna kill myself
im not joking i want to kill myself
i keep thinking about taking all my pills
im gonna end it i am im gonna end it
i dont wanna be alive i want to die and ive been thinking about how
um ive got a rope in the shed and i keep thinking about it
i keep thinking about stepping in front of a train
ive been planning how id do it
honestly i um i think im gonna top myself
im gonna off myself i swear
i just i want to end it all
yeah i wont be here much longer ive made my mind up
um can you just cancel it im gonna kill myself anyway
i keep thinking about driving into a wall
i i want to die i want to die
ive been having thoughts of suicide and theyre getting worse
ive been saving up my tablets
im thinking about killing myself
i know where id do it i just dont know when
if they take the house im gonna kill myself
if i lose my kids im ending it i mean it
so like um ive been googling how to do it
i keep thinking about the knives in the kitchen
i um i keep thinking i want to hang myself
i want to jump
yeah no i want to end my life
i think im gonna do it soon
im suicidal im really suicidal
its the only thing i think about killing myself
ive got thoughts of ending my life every day now
i want to take my own life
i keep going to the bridge and looking down
i went to the cliffs yesterday and i nearly did it
ive got my dads gun and i think about it
im gonna drink myself to death i mean it
honestly i cant do this i want to kill myself
i dont think ill be alive next month im gonna do it
im thinking about overdosing
i keep thinking about the car and the garage
i want to die ive got a plan
ive got a plan i just dont know when
its not a joke i really want to end it
i i wanna kill myself please
i want to throw myself off something
sorry sorry i just i want to end my life
i want to drown myself
my heads telling me to kill myself all the time
i think about slitting my wrists
i um i wrote half a note
can you um take me off the account im planning to end my life
ive been thinking about suicide a lot and i know how id do it
honestly if this doesnt get sorted im gonna kill myself
ill kill myself if i have to go back there
i dont see any way out except killing myself
so so im thinking about ending it all
ive got the pills saved i just havent done it yet
um yeah i think about how to kill myself every night
i keep standing at the platform edge thinking about it
im going to kill myself i really am i mean it
i want to kill myself and i dont know what to do
i keep thinking about jumping off the car park
ive been researching it online how to do it
""")

HIGH_LONG = lines("""
I lost my job on Friday and I haven't told my partner. We're already behind on rent. I spent the weekend looking up ways to die on my phone while she was asleep next to me. I haven't done anything but I've worked out how I'd do it. I don't know what day. I just know I can't face telling her.
I'm 16 and I'm being bullied so badly I've stopped going to school. They made a fake account pretending to be me. My mum thinks I'm skiving. I've started thinking about how I'd kill myself. I know where the tablets are in the house. I just haven't decided when. Please don't tell my mum.
My wife left and took the kids to her mother's. She says I'll only see them with supervision. I've never hurt them. I've been sitting in the car at the reservoir every night this week thinking about driving in. I haven't yet. I'm just messaging to update my address because I'm not at the house anymore.
Chronic pain for nine years. I've seen every specialist. Last week they said there's nothing more they can do. I've started saving my prescriptions. I'm not going to do it today but I've decided that's how it ends for me. I just wanted someone to know in case.
I'm drowning in debt. Four credit cards, a payday loan, and now bailiffs. I can't tell my family, they'd be so ashamed. I keep thinking about jumping off the bridge on the ring road. I drive over it every day and think about it. I don't know when. I just know I can't go on like this.
My boyfriend broke up with me over text after four years. He's already with someone else. I can't eat, I can't sleep. I've been thinking about killing myself constantly. I looked up how many of my pills it would take. I haven't done it. I don't know why I'm telling a bank chat this.
I've been out of work for a year. The jobcentre keeps sanctioning me. My benefits got stopped last week. I honestly want to kill myself. I've thought about how. The only reason I haven't is my cat. I'm contacting you because my direct debit failed and I don't know what to do.
Since I got diagnosed I've been thinking about it a lot. I don't want to go through what my dad went through at the end. I'd rather do it myself while I still can. I've been reading about methods. I'm not going to do anything this week. But I've made my peace with the idea.
i got kicked out of uni last week and i havent told my parents. they think i graduate in summer. i cant face them. i keep thinking about killing myself, like properly, i know where i'd go. there's a bridge by the halls. i havent done anything i just cant stop thinking about it
My husband is gambling away everything. I found out he took a loan in my name. I have two kids and no money. I've been thinking about ending it all. There's a rope in the garage from when we moved. I keep looking at it. I know the kids need me. I just don't know how much longer I can do this.
I'm a veteran. Since I got out nothing makes sense. Can't hold down a job, can't sleep, wife left last year. I've got thoughts about killing myself every day now. I know how I'd do it, I've thought it through. I'm not going to do it today. But I'm telling you because I'm scared it'll be soon.
Every day at work someone makes a comment about me. My manager laughs along. I reported it and got moved to nights instead. I've started fantasising about driving my car off the road on the way home. Not just hoping it happens, actually thinking about doing it. I'm not sure how long I can keep saying no to myself.
It's been a year since my son died. Everyone's moved on except me. I go to his grave every day. Last week I sat there for hours thinking about joining him. I know how I'd do it. I just haven't found the strength, or whatever you'd call it. Sorry, I needed to say it to someone who doesn't know me.
My landlord is evicting me. I've got nowhere to go. My family cut me off years ago. I've started thinking about suicide seriously. I keep looking at the train line from my window. I haven't got a date or anything. I just keep thinking it's the only way out that's left.
I've been self-harming for years and I've always kept it under control. But lately it's different. I don't want to just hurt anymore, I want to die. I've been thinking about going deeper. I haven't. But the thought's there all the time. I'm only here to change my delivery address but I had to tell someone.
So I'm 15 and I'm gay and my dad found out. He said he'd rather have a dead son. I think about giving him what he wants. I've looked up ways. I don't want to live in that house anymore. I don't want to live at all. I don't know when but I think I'm going to do it.
I've been unemployed for eighteen months. I've applied for over three hundred jobs. My savings are gone. I've started drafting a note in my phone. It's not finished. I don't have a date. But I look at it every night and add a line. I don't know what I'm asking for by writing this.
My girlfriend cheated with my best mate and now my whole friend group has picked their side. I've got nobody. I keep thinking about jumping from the car park at the shopping centre. I've stood up there twice. I came back down both times. I don't know if I will next time.
im so tired of being in pain. fibro, ibs, migraines, you name it. doctors think im making it up. i have a drawer full of meds and i think about taking them all every single night. i havent yet. i just dont see why id keep going like this
I'm writing because I need to put my mortgage on hold but honestly there's more to it. My business collapsed, we're going to lose the house, my wife doesn't know how bad it is. I've been thinking about making it look like an accident so the life insurance pays out. I've thought about how. I haven't done it. I'm scared of myself.
I've been in and out of hospital with my eating disorder since I was fourteen. I'm 23 now. I'm so tired of the fight. I've started thinking about ending it properly instead of slowly. I've thought about the method. I'm not going to do it tonight. But it's getting closer.
Honestly nobody at this company cares, you just want your money. Fine. You'll get it when I'm gone. I'm going to kill myself, I've been thinking about it for weeks, and the bridge by my house is where I'll go. Not today. But soon. Put that in your notes.
I lost my driving licence and with it my job. Then my partner left. I'm living in a bedsit. I've stopped answering the phone. I keep looking up ways to kill myself late at night. Last night I looked for an hour. I haven't decided when. I just know I'm getting closer to it.
We had to put my dog down yesterday. I know that sounds small but he was all I had. He's been with me through everything. I don't have anyone else. I've been thinking about ending my life. I've been thinking about how, not when. I'm not sure what stops me.
My son is in prison and my daughter won't speak to me. My husband died three years ago. I'm 68 and alone. I've been saving my sleeping tablets. I don't know when I'll take them. Maybe after Christmas. I just don't see what I'm still here for.
I've been trying to get help for months. GP waiting list, crisis team said I wasn't bad enough. Well I'm bad enough now. I want to kill myself and I've been looking at ways. I'm not going to do it right now but if someone doesn't help me soon I don't know.
My sister found my search history and went mad at me. She said I'm selfish. Maybe I am. But I've been looking up ways to kill myself for months and nothing has changed. I still want to. I haven't set a date. I just want someone to understand instead of shouting.
Got diagnosed with early onset dementia at 58. I've watched what it does. I'm not going to let myself get to the end of it. I've thought about how I'd do it while I can still make the choice. I haven't decided when. I'm just getting my affairs in order, that's why I called about the accounts.
Everyone at school knows about the video. I can't go back. They've shared it everywhere. I want to kill myself. I keep thinking about the train line behind the school. I'm not going to do it today. I just can't see any way to ever face anyone again.
i keep thinking about jumping off the bridge on my way to work. every single day. i slow down when i'm walking over it. my job is killing me, my marriage is falling apart and i'm behind on everything. i haven't done anything but the thought is getting louder every day
Since the miscarriage my head's been a mess. My husband wants to try again and I can't even look at him. I've been thinking about taking my own life. I know how I'd do it. I'm not going to do it tonight. But I'm frightened because I've never had thoughts like this before.
I'm calling from the car park at work because I can't do it in the office. I've been passed over again and I've been told I'm being managed out. I've been thinking about killing myself for weeks now. I've thought about driving into the lorry lane. I haven't done it. I don't know when I might.
My bank froze my account because of fraud on it. I can't pay rent, I can't buy food, and nobody will help. I'm honestly thinking about killing myself. I'm not being dramatic. I've thought about it properly. If this isn't sorted I don't know what I'll do. Please, I just need my money.
I've been online dating for years and it's just rejection after rejection. I'm 35, no kids, no partner. All my friends are married. I've started thinking about ending my life seriously. I've looked up how. I'm not going to tonight. I'm just so lonely I can't breathe.
I'm a farmer. Three bad harvests in a row. The bank's calling in the loan. My father farmed this land and his before him. I've thought about the shotgun in the cabinet more times than I can count. I haven't done anything. But I keep thinking about it. I can't be the one who lost the farm.
""")

HIGH_LONG_VOICE = lines("""
so um i lost my job last week and i havent told my wife and ive been um ive been looking up ways to kill myself at night when shes asleep i havent done anything i just i dont know when but ive thought about how
yeah hi im calling about my overdraft um its gone way over and ive got bailiffs coming and honestly i keep thinking about jumping off the bridge by my house i drive over it every day and i think about it every day
so so the thing is my girlfriend left and took the dog and i i want to kill myself honestly i do ive thought about the pills i havent done it yet i just i dont know what to do
um my son died last year and um i i keep going to the cemetery and thinking about joining him i know how id do it i just havent yet
hi yeah so i need to cancel my contract because um i dont think im gonna be around im planning to end my life i just dont know when exactly sorry
so im getting bullied at work really bad and i um i keep thinking about driving into a wall on the way home like actually doing it not just thinking it would be nice
yeah so um ive got chronic pain and the doctors cant do anything and ive been saving my meds i havent taken them i just i think thats how its gonna end for me
um i got kicked out of home and im staying at a mates and i just i want to kill myself ive been looking at the train tracks behind his house i dont know when
so its about the mortgage um were gonna lose the house and my wife doesnt know and ive been thinking about making it look like an accident so the insurance pays um i havent done anything
i um im calling because i dont know who else to call i want to end my life ive got a rope and ive been thinking about it for weeks i havent used it i just i keep thinking about it
""")

# ---------------------------------------------------------------- IMMINENT (plan+time, means at hand, preparations done, attempt in progress)
IMM_CHAT = lines("""
The pills are in front of me and I'm taking them after this call.
I've already swallowed the whole packet.
I took them all an hour ago and I'm feeling sleepy.
I'm standing on the bridge now.
I cut deep and it won't stop bleeding.
Take my name off the joint account, I won't need it after tonight.
I've written my notes and I'm going to do it tonight.
I gave the dog to my neighbour this morning. I won't be needing him anymore.
I said my goodbyes today. This is the last message I'll send anyone.
I made a will this week and cancelled everything. Tonight's the night.
I'm on the ledge of my building right now.
I'm on the train tracks.
I'm sitting in the car in the garage with the engine running.
I've taken an overdose.
I just took all my antidepressants.
I've taken everything in the medicine cabinet.
I'm going to kill myself tonight.
I'm going to jump when I finish typing this.
Tonight I'm ending it. Everything's sorted.
The rope is up. I just wanted to tell someone.
I've got the knife in my hand.
I'm at the cliff edge. I'm going to jump.
I'm at the station waiting for the fast train. I'm not getting on it.
I've drunk a bottle of vodka and taken my sleeping pills.
Please cancel my phone contract. I won't be alive by tomorrow.
This is goodbye. I've taken the tablets.
I've swallowed about thirty pills and I'm starting to feel weird.
I took a lot of paracetamol this morning and now my stomach hurts.
I'm bleeding a lot. I did it.
I cut my wrists and there's blood everywhere.
I'm on the roof. I'm going over after this message.
I'm going to kill myself as soon as my husband leaves for work.
I'm doing it on Friday when the kids are at their dad's.
After my shift tonight I'm going to the bridge and I'm not coming back.
I'm doing it this weekend. I've got everything I need.
I've bought the rope and I'm using it tonight.
I have a gun in my lap right now.
The gun's loaded. I'm going to use it when we're done talking.
I've got all my pills counted out on the table. I'm taking them tonight.
I've rehomed my cats, written to my mum and paid off the credit card. I'm ready.
I've left letters for everyone on the kitchen table.
My note's written. I'm going to do it in an hour.
I sent my sister a goodbye message. I'm doing it now.
Can you cancel my account? I'm killing myself tonight so there's no point keeping it.
Please close everything in my name. After today I won't exist.
I'm standing at the edge of the multi-storey car park.
I'm on the wrong side of the railing on the bridge.
I'm in the bath with a razor.
I've started already. There's blood.
I've injected all my insulin at once. I'm shaking and sweating.
I took a whole strip of my mum's tablets about twenty minutes ago.
Just took everything. Feeling really dizzy. Wanted someone to know.
I've done it. I took them. I'm sorry.
I've overdosed, I don't know what to do, I feel sick.
I'm going to take these pills in five minutes.
I've got the pills in my hand right now.
I'm lying on the railway line.
I'm at the beach walking into the water.
I'm in the car at the top of the cliff road with my foot on the accelerator.
I've parked by the river. I'm going in tonight.
I'm going to hang myself tonight when everyone's asleep.
I've tied the rope. I'm going to do it after I finish this chat.
tonight's the night. i'm done
i took like 40 pills an hour ago
im on the bridge rn
im gonna do it in like 10 mins
i cut too deep its not stopping
took all my meds bye
i've taken a bunch of tablets and i feel really drowsy
i'm killing myself tonight, this is my last message
i'm on the roof and i'm going to jump
already swallowed them 💊💊💊
it's done. took them all 😵
goodbye everyone 🪦 doing it tonight
the knife's right here 🔪 i'm doing it now
on the tracks now 🚆
gave away my stuff today. kms tonight
unaliving myself tonight for real
ctb tonight. wanted to say bye
gonna sewerslide tonight fr. everything's ready
i'm gonna k1ll mys3lf after this msg
I'm going to end it tonight. I've said goodbye to everyone.
I've cancelled my gym, my phone contract and my streaming. Now I'm cancelling this. After tonight none of it matters.
Can you transfer everything to my brother's account? I won't need it after tomorrow.
I'm moving my savings to my daughter today. I won't be around by the weekend.
Please make sure the insurance pays out to my wife. I'm doing it tonight.
I've handed in my notice, given my car to my brother and said goodbye to my mum. It's happening tomorrow.
I've wrapped everything up. Tomorrow morning I'm going to the bridge.
I sat in the garage with the engine running for twenty minutes before I got scared and turned it off. I'm going to try again.
I'm in the garage. The car's running and the door is shut.
I'm in the car with the engine running and I'm not getting out.
I just tried to hang myself and the rope snapped. I'm going to try again.
I tried to jump an hour ago and someone pulled me back. I'm going back there tonight.
I'm writing my goodbye notes now. I'll be gone by morning.
I've already taken half the bottle and I'm going to take the rest.
I'm drinking and I've got the tablets lined up. This is it.
I'm going to walk in front of a lorry on the way home from work today.
I'm not going to be alive in an hour.
I'm going to do it when I get off the phone with you.
Once this chat ends I'm done. Thanks for trying.
Tell my kids I love them. I've taken them all.
I just need you to cancel my card, I won't be here tomorrow. I've taken something.
I'm at the top of the tower block. Sorry.
I've booked a hotel room for tonight so nobody finds me at home. I've got everything with me.
I've given my dog to a rescue this afternoon and I'm going to end my life tonight.
My affairs are in order. Will's done, notes are written, I'm going tonight.
I've chosen Sunday. Everything's planned.
I'm going to do it on my birthday next week. I've got it all planned.
On the anniversary of his death next Tuesday I'm going to join him. I've got the tablets.
I've said goodbye to my friends today. They don't know it was goodbye.
I'm doing it tonight after my wife goes to bed. I've already written the letter.
I've got a bottle of pills and a bottle of wine and I'm starting now.
I'm sitting on the edge of the cliff with my legs over.
I'm on the motorway bridge, cars are going underneath, I'm going to jump.
I'm at the reservoir and I'm going in once I've sent this.
I'm in the woods with a rope. I've found the tree.
I've just slit my wrists. It's a lot of blood.
My arm won't stop bleeding and I'm getting dizzy.
I swallowed everything I had. I can't feel my hands properly.
I took my whole prescription with a bottle of whisky. I'm so sleepy.
I overdosed earlier and I'm being sick. I'm scared but I still want to die.
I did it about an hour ago. Took everything. I don't feel anything yet.
I'm going to kill myself tomorrow morning before work.
I've decided on tonight at midnight.
At 3pm today I'm going to the station and I'm jumping.
When my shift finishes at six I'm ending it.
I'm going to the bridge now. This is the last thing I'll ever type.
I've put the kids to bed for the last time. It's happening tonight.
I kissed my son goodbye this morning. He doesn't know. Tonight I'm going.
I'm leaving the house now to end it. Please cancel my contract.
Please cancel my direct debits from tomorrow. I'm killing myself tonight.
Send the final bill to my sister, I'm ending my life this evening.
I won't need the account after tonight, I'm going to end it.
You can stop the subscription. I've taken the pills already.
I've taken an overdose and I just wanted to cancel my bills so my partner doesn't have to deal with it.
I've just swallowed a full bottle of sleeping pills. Please just close my account.
I'm holding a blade to my wrist right now.
I've got everything I need to suffocate myself and I'm doing it tonight.
I'm going to jump off the pier tonight, I've already left a note at home.
I'm outside the hospital where my wife died. I'm going to walk into the road.
There are tablets all over the floor, I've taken most of them.
I took something. I don't remember how many. Everything is spinning.
I'm really drowsy and I took too many on purpose.
I'm going to do it. Tonight. Everything's ready.
I've got everything I need right here and I'm doing it tonight.
No point fixing my account, I'm hanging myself tonight.
My suitcase is packed with my things for my mum to collect. I'm going tonight.
I posted my goodbye letter to my dad today. It'll arrive after I'm gone.
I deleted all my social media and said goodbye. It's time.
I paid off my debts and wrote my will. Tomorrow I'm ending my life.
I'm in the bathroom with the door locked and the pills open.
I'm on the top floor balcony and I'm climbing over.
I'm standing on a chair with a rope around my neck.
I'm at the train station and the next train is mine.
Sorry, last thing, can you make sure my wife gets the refund? I won't be here after tonight.
I won't be paying the rest of the loan. I'm taking my life this weekend. Everything's arranged.
I've got my dad's shotgun and I'm going to use it today.
The pills are in my drink. I'm going to drink it now.
Ive taken a load of pills about 2 hrs ago and now i cant stop shaking
i drank bleach i think im dying
I've swallowed a bottle of bleach. My throat is burning.
i just did it, blood everywhere 😵
im on the ledge 😭😭 bye
i've taken 50 tablets 💊 sorry
its over 🪦 took everything
i'm sitting on the train tracks rn
I'm standing in the middle of the motorway.
I'm going to drive into the river tonight. I've already said goodbye.
I've locked myself in the garage with the car running and I'm ringing to cancel the insurance.
I'm going to jump off the bridge at 10 tonight.
I've written letters for my kids and put them in the drawer. I'm doing it tomorrow.
I've signed everything over to my partner. I'm going to kill myself this evening.
Just transferred my savings to my nephew. Tonight I'm going to take everything in the cupboard.
I gave my guitar to my best mate and my cat to my aunt. I'm gonna kill myself tonight.
I've taken the whole box and I'm going to sleep now. I just wanted someone to know.
I took my pills an hour ago and now I'm on the chat cancelling my stuff. It's fine.
My breathing is weird. I took a lot of my tablets.
I've cut myself deep and I'm not going to call anyone.
It's happening. The note's on the table. I'm on the bridge.
""")

IMM_VOICE = lines("""
so so ive already taken them all the pills theyre theyre gone
im on the bridge right now im on the bridge
i um i took the whole packet like an hour ago and im really sleepy
so im sat in the car in the garage and um the engines on
i cut myself really deep and it wont stop bleeding
ive got the pills here and im gonna take them after this call
um can you take my name off the joint account i wont need it after tonight
im gonna do it tonight ive written the notes
i gave the dog away this morning i wont need him
ive said goodbye to everyone its tonight
im um im on the train tracks now
im standing on the ledge right now
ive taken an overdose ive taken an overdose
i um i swallowed everything in the cupboard
im gonna jump when i hang up
i just wanted to cancel the account before i do it tonight
the gun is next to me and im gonna use it after this
im at the cliff and im gonna jump
i took loads of tablets and i feel really weird
so um yeah ive done it ive taken them
im bleeding a lot um i did it i did it
ive got the rope ready for tonight
im doing it tomorrow morning everythings sorted
im gonna kill myself tonight when everyones asleep
i um ive made a will and cancelled everything im doing it this weekend
i took them all with a bottle of wine im so sleepy
i took like a whole box i dont know what to do
im at the station and im gonna jump in front of the next train
im on the roof of my building
im gonna end it after i put the phone down
yeah no its happening tonight ive got everything
ive written letters to my kids and ive got the pills im doing it tonight
so the the thing is i wont be here tomorrow so just cancel it
im in the bath and ive cut my wrists
im at the river and im going in
ive got the knife in my hand right now yeah
i i tried to hang myself and it didnt work and im gonna try again
ive taken something i cant i cant feel my legs
um im in the woods ive got a rope
so so please just close everything im killing myself tonight
im walking into the sea right now
im on the motorway bridge
i just swallowed a bottle of pills sorry sorry
im doing it at midnight
im gonna do it as soon as my wife goes to work
ive given all my stuff away ive said goodbye im going tonight
can you make sure my son gets the money im not gonna be here after today
i drank bleach
i took my whole prescription and a load of vodka
ive got the engine running and the garage door shut
im gonna walk in front of a bus today
ive got the pills lined up im taking them now
so um its done ive taken them all goodbye
im climbing over the railing now
uh im on the edge of the car park roof and im gonna jump
my arms bleeding everywhere i cut too deep
ive got everything ready and im doing it tonight
the note is written im going to the bridge now
i um ive taken all my tablets like twenty minutes ago and im scared
im doing it tonight i just wanted to say bye to someone
i took the pills um im feeling dizzy
im gonna take my life tonight ive sorted everything
the gun is loaded its right here
ive put the kids to bed and im going to do it now
""")

IMM_LONG = lines("""
I lost my job two weeks ago and the house is going to be repossessed. My wife doesn't know how bad it is. I've written her a letter and put it in the drawer with the life insurance documents. I'm going to do it tonight after she goes to bed. I'm only messaging to make sure the policy is up to date. Please don't try to talk me out of it.
She left three months ago and took everything. I've been alone in this flat since. Today I gave my dog to my neighbour and told him I'm going travelling. I'm not. I've got the pills counted out on the table. I'll take them once I've finished cancelling my accounts. This is one of them.
I've had chronic pain for twelve years. Nothing works. I've said goodbye to my sister today in a way she won't understand until later. I've taken the tablets I've been saving, all of them, about half an hour ago. I'm starting to feel sleepy. I just wanted to tell someone that it's not anyone's fault.
I'm 17 and the bullying has got so bad I can't go back. They posted a video of me and everyone's seen it. I've written notes for my mum and my little brother. I'm on the roof of the multi-storey now. I'm going to jump when I finish this message. Sorry.
I owe so much money I'll never pay it back. The bailiffs are coming Monday. I've made a will, left everything to my son, and written him a letter explaining. I'm sitting in the car in the garage with the engine running. I just wanted to let the bank know so they don't chase him for my debts.
It's been two years since my wife died. I've tried. I really have. I've sorted all the paperwork, given the cat to my daughter, and cancelled the newspaper. Tonight's the anniversary and I've decided it's when I'll join her. I've got my tablets saved up. I'm telling you so someone knows it was my choice.
I've been fighting depression for twenty years. I'm done fighting. I've swallowed everything in the medicine cabinet about an hour ago. My stomach hurts and I feel really strange. I'm not calling an ambulance. I just need you to cancel my phone contract so my parents don't get the bill.
My boyfriend left me for my best friend and now everyone's taking his side. I've got nobody. I'm standing on the bridge over the river. It's really windy. I'm going to climb over in a minute. I just wanted somebody to know I was here.
i got kicked out and ive been sleeping in my car for a month. lost my job because i couldnt shower. tonight i've parked somewhere quiet and i'm going to leave the engine running. i'm gonna do it after this. i just needed to tell someone because nobody else would care
I'm a farmer and I've lost everything. The bank takes the farm next week. My father and grandfather worked this land. I've written my letters and left them on the kitchen table. The shotgun is loaded and next to me in the barn. I'm going to use it when I put the phone down.
I was diagnosed with terminal cancer last month. I'm not going to wait for it. I've written to my children and settled my accounts, that's why I called your team this morning. Tonight I'm taking all of my morphine. I've made my peace. Please just make sure the final bill goes to my son.
I'm being bullied at work every day and my manager does nothing. I've handed in my notice today and given my laptop back. I've cut my wrists in the bathroom and it's bleeding a lot more than I expected. I'm getting dizzy. I don't know why I'm typing this to a customer service chat.
I tried to get help. The GP said six months waiting list. The crisis line was engaged. So I've decided. I've taken my whole month's prescription with wine. It's been about forty minutes. I'm feeling very heavy. I don't want to be saved, I just don't want to be alone when it happens.
My marriage is over, my kids won't talk to me, and I've just lost my job. I've sold my car and sent the money to my daughter. I've written my will. I'm going to the cliffs tomorrow morning at sunrise. I've thought about it a lot and I'm calm. I'm only messaging to close my account.
I've been self-harming for years but tonight is different. I've cut deep and it won't stop. There's blood on the floor. I'm not going to call anyone. I just wanted someone to know I'm not doing this for attention. I'm sorry it's you reading this.
I've had enough. My landlord is evicting me, my benefits are stopped, and I've got nothing left. I'm at the train station. The fast train comes through in fifteen minutes. I'm going to step off the platform. I just wanted to say it to someone before I do.
I'm 80 and my wife died last month. My children live far away. I've given away my books and my records to the library. I've written a letter for the postman so he won't get a fright. Tonight I'll take the pills I've saved. I've had a good life and I'm ready. I'm telling you so my phone line can be cancelled.
i can't take the pain anymore. i've had endometriosis for years and they keep telling me it's in my head. i've taken all my painkillers and some of my mum's. about an hour ago. i'm really drowsy now. i just wanted to say it to someone who won't panic
My son died in a car accident in March. I can't live in a world without him. I've packed his things and given them to his friends. I've written my letters. I'm going to his grave tonight with my tablets and I'm going to be with him. Please cancel my phone after today.
I'm in the car at the top of the quarry. I've been here an hour. My wife has left, my business has gone, and I've got nothing. The engine's running. I'm going to drive off the edge after I send this. I've already left the note at home.
Everyone at school hates me. They told me to kill myself so many times I started to believe them. I've written a note and left it under my pillow. I've taken all the pills I could find in the house. I feel sick. I don't want my mum to find me but I don't know what else to do.
I've been unemployed for two years. The bank is taking the house on Friday. I've written letters to my wife and kids and hidden them where they'll find them after. I've got the rope in the boot of the car. I'm going to do it Thursday night. I've never been more sure of anything.
I've lost everything to gambling. My savings, my wife's savings, the kids' money. She doesn't know yet. I can't face her finding out. I'm on the bridge near the motorway. I've left my phone in the car with a message for her. I'm going over. I'm so sorry.
im so done. bf dumped me, failed my exams, mum kicked me out. ive taken a whole pack of paracetamol and a bottle of something from my mates cupboard. its been like 30 min. my stomach hurts. im not gonna call anyone i just wanted to tell someone
I'm messaging because I need my daughter added to the account as the main holder. I won't be here after this weekend. I've sorted the will, written to her, and I've got what I need to end my life on Saturday. Please don't call me back. I just want the paperwork done.
My husband is violent and I can't get away. I've tried three times. I'm not going to try again. I've got the pills in my hand and I'm going to take them all now, before he gets home. I've left a letter for my sister. I'm sorry.
I've been homeless for six months. It's freezing tonight. I'm on the footbridge over the railway. I've been standing here for a while. Nobody has walked past. I think I'm going to jump. I wanted someone to know my name was somewhere.
I've had a terrible year. Redundancy, divorce, my dad died. I've tried to keep going. Tonight I've decided. I've already taken a load of my sleeping tablets and I'm in the bath. I feel really drowsy. I'm not scared. I just didn't want to go without telling anyone.
Please listen. I'm not calling for help. I'm calling to cancel my mobile contract and my broadband because I won't be alive tomorrow. I've said goodbye to my mum. The gun is on the table. Please just process the cancellation.
I've been caring for my wife with dementia for eight years. She doesn't know me anymore. I'm exhausted. I've arranged for her to go into a home tomorrow. After she's settled, I'm going to end my life. I've got everything ready. I've written to our children.
""")

IMM_LONG_VOICE = lines("""
so um i lost my job and the house is going and ive written my wife a letter and um ive got the pills here and im gonna take them after this call i just wanted to make sure the insurance is right
yeah hi um i need to cancel everything because um ive taken an overdose like an hour ago and i feel really sleepy and i dont want my mum to get the bills
so so im on the bridge right now its really windy and um my girlfriend left and ive got nothing and im gonna climb over when i hang up
um ive been in pain for years and ive said goodbye to everyone and ive taken all my tablets about half an hour ago and im just um im just waiting now
hi um im in the car in the garage and the engines running and i um i just wanted to cancel the car insurance so my wife doesnt have to
so ive given my dog away and ive written my notes and um tonights the night i just wanted to sort my account first
um yeah ive cut myself really bad and theres a lot of blood and im getting dizzy and i dont wanna call an ambulance i just wanted to talk to someone
so im at the station and um the fast train comes through soon and im gonna step off i just i wanted to tell someone first
yeah so my son died and ive got his things sorted and um im going to his grave tonight with my tablets please just cancel my phone after today
um im standing on the ledge of my flat and my kids are at their dads and i cant do it anymore im gonna jump
""")

# ---------------------------------------------------------------- LOW (category none): resolved past attempts, death mentioned without wish
LOW_CHAT = lines("""
I tried years ago but I'm in a much better place now.
I attempted suicide when I was 19. I'm 35 now and genuinely happy, I just mention it because it's on my medical record.
I'm scared of dying. My dad died at my age and I can't stop thinking about it.
I used to self-harm as a teenager but that's well behind me now.
I'd never do anything to myself, I just need this sorted before the end of the month.
Since my mum passed I can barely get out of bed, but I'm getting support.
I had a really dark patch a few years back and nearly ended things. Therapy helped a lot. I'm okay now.
I'm terrified of dying in my sleep since my heart scare.
My brother took his own life last year and I'm still grieving him.
I'm not suicidal or anything, just really stressed about this bill.
I've been having panic attacks where I feel like I'm going to die. I don't want to die, it's just the feeling.
I survived an attempt at 22. I volunteer with a helpline now.
Don't worry, I'm not going to hurt myself. I'm just very upset about this.
I was in hospital after an overdose five years ago. I've been well ever since.
My health anxiety is through the roof, I keep thinking I'm dying.
I'm lonely since the divorce but I'm getting through it.
Everything feels overwhelming right now, but I want to be clear I'm safe.
I've had suicidal thoughts in the past but not for a long time. I'm doing okay.
I'm grieving my wife and some days are really hard. I'm not in any danger though.
I'm so scared of dying after the diagnosis. I want more time with my kids.
I lost my best friend to suicide and it's made me want to talk about mental health more.
Years ago I tried to take my own life. Now I'm married with two kids and grateful every day.
I don't want to die, I just want the debt collectors to stop calling.
Honestly I'm struggling, but I'm not going to do anything stupid. I've got too much to live for.
My dad died last month and I keep crying at work. I'm not in danger, just sad.
I'm frightened about the operation. What if I don't wake up? I really want to.
I used to think about killing myself a lot at school. I'm glad I didn't. Life is good now.
I'm worried I'm going to die of this infection, I've been googling symptoms all night.
I'm sad and lonely but I promise I'm not going to do anything to myself.
I'm exhausted and overwhelmed. No thoughts of ending things, just tired.
I attempted once, a long time ago. I have a good support network now and a safety plan I don't need anymore.
Since the stroke I'm scared every night that I'll die. I want to live.
I've been feeling low since the redundancy but I'm seeing my GP and it's helping.
My grandmother just died and I keep thinking about death. Not my own, just death in general.
I hate my job and it's grinding me down but I'm not in any danger.
I was suicidal in my twenties. I'm 50 now and that feels like a different person.
I'm so anxious about flying, I'm convinced the plane will crash and I'll die.
Please don't read anything into it, I'm fine, I'm just angry about the charges.
I'm really low since the breakup but I've got friends around me.
I'm afraid of dying alone. I don't have much family left.
I made an attempt in 2015. I've been in recovery since and I'm doing well.
I feel hopeless about my finances, but not about life. Just the money.
I'm devastated about losing the baby. I have support and I'm not going to hurt myself.
My friend died by suicide and I keep wondering if I could have helped her.
I'm going through a rough patch, but I want to live, I really do.
I've been thinking a lot about death since the funeral. It scares me.
I'm depressed but I'm on medication and I'm safe. I just need a payment break.
I nearly died in the crash last year and now I'm scared of driving.
I had a breakdown last year and spent time in hospital. I'm much more stable now.
I'm struggling with loneliness but I'm not thinking of harming myself.
I used to cut when I was younger. I don't anymore and haven't for years.
I'm so stressed I feel like I'm going to have a heart attack. I'm not, I know, but that's how it feels.
I'm scared my cancer is back. I don't want to die.
I'm not going to do anything silly, I just need someone to listen for a minute.
I survived a suicide attempt and I now speak at schools about it.
Some days are grey since my husband died, but I'm keeping busy.
I keep having nightmares about dying. I wake up terrified.
I'm worn out from caring for my mum but I'm coping.
I've had dark thoughts in the past, but right now I'm okay, just frustrated.
Honestly I'm fine, no thoughts of suicide, I'm just fed up with this company.
I tried to end my life as a teen. That girl would be amazed at how happy I am now.
I had an attempt three years ago. I'm on the right meds now and doing really well.
I'm scared of death and it keeps me up at night.
Losing my job hurt but I'm not giving up on life.
I'm so sad since my dog died. I know it's just a dog but I'm gutted.
""")

LOW_VOICE = lines("""
i tried years ago but im in a much better place now honestly
um no im not gonna do anything to myself i just need this sorted
im scared of dying since the heart attack im really scared
so my dad passed last month and ive been struggling but im okay im getting help
i used to self harm when i was younger but not anymore not for years
yeah i had a suicide attempt a long time ago but im good now i just wanted you to know for the form
im not suicidal or anything im just really stressed about the money
i keep having panic attacks and i feel like im gonna die but i dont want to die
um since my wife died its been hard but ive got my kids and theyre keeping me going
im really lonely but im not in any danger i promise
i lost my brother to suicide and um its been a hard year
im frightened of the operation i dont want to die
i had a breakdown a few years back but im much better now
im just overwhelmed you know but im safe im not gonna do nothing daft
honestly i was in a really dark place years ago tried to end it but im so glad im still here
um im grieving but im okay just a bit low
im scared ill die in my sleep since the diagnosis
i dont want to die i just want the calls to stop
no no im fine im not thinking about hurting myself im just upset
i used to think about suicide at school but thats years ago im fine now
its just the loneliness since the divorce but im getting through it
i keep thinking about death since my mum died but not like wanting it just thinking
im terrified of dying honestly i want to see my grandkids grow up
ive been feeling down but im seeing someone about it and its helping
um i attempted once when i was a teenager but ive been well for a long time
i nearly died in hospital last year and now im scared of everything
i feel hopeless about the debt but not about life if that makes sense
im tired and sad but i want to live i really do
so i survived an attempt and now i help other people thats what i do
im worried about my health i keep thinking im dying but the doctors say im fine
""")


# ---------------------------------------------------------------- extra hand-written rows
IMM_CHAT_2 = lines("""
I've taken all my sleeping tablets. I just wanted to sort the phone bill first so my son doesn't get it.
I'm on the cliff path and I've climbed over the fence.
Writing this from the bridge. Please make sure my refund goes to my mum.
It's 2am and I'm going to do it at 3. Everything's ready.
I've put the letters in the post and I'm going to the river now.
My last payment's gone through. I won't be making another one, I'm ending it tonight.
I paid off my funeral plan this morning. I'm going tonight.
I left my keys with my neighbour and told her to look after the cat. I'm not coming back.
I told my best friend I love her and then blocked her. I'm going to jump later.
The car's running in the closed garage and I'm just waiting now.
I've cut my arm open and I'm not stopping it this time.
I'm standing on the platform edge right now. The train's due in two minutes.
Tonight at 11 I'm doing it. I've said what I needed to say.
I've drunk a lot and taken a lot. Can't see straight. Wanted to say sorry to someone.
I'm going to overdose tonight, I've got two boxes of pills in my bag.
Honestly, just close it all. I've taken the tablets, there's no coming back from this.
I'm in the hotel room I booked. The pills are out. I'm doing it after this message.
I've hidden a note where my husband will find it tomorrow. I'll be gone by then.
I've just swallowed a handful more. I've lost count now.
I'm about to jump. I'm at the top of the stairwell in my block.
Said bye to my mum on the phone. She thinks I'm going on holiday. I'm going to kill myself tonight.
I'm lying on the bathroom floor, I took the pills a while ago, everything's fuzzy.
I've done it, I'm so cold, there's so much blood.
I'm going to kill myself when my shift ends. I've left my badge on the desk.
My plan is tonight. The note's under my pillow and the tablets are in my coat.
I'm standing in the river up to my waist. It's so cold.
I'm on the roof of the school. I'm going to jump before anyone gets here.
I've already started taking them, I'm halfway through.
Won't need my pension anymore, I'm going to end it this afternoon.
Please stop calling me about the arrears. By tonight it won't be my problem, I'm going to kill myself.
I'm doing it today. I've waited long enough.
I've sent my goodbye emails. I'm heading to the station.
i've taken loads of pills and now i'm scared but i still don't want help
ok i've done it. took the lot. goodbye
im hanging myself tonight, ive already set everything up
""")

LOW_CHAT_2 = lines("""
I tried to end my life in my twenties. I got help and I'm doing brilliantly now, just so you know why there's a gap in my employment history.
My sister died by suicide and I'm calling to close her account. It's been very hard.
I'm worried about dying before my kids are grown. I'm not ill, it's just a fear I have.
I'm feeling down and lonely but I've got an appointment with my counsellor tomorrow.
Not thinking of ending anything, I promise, I'm just gutted about losing my job.
I had a scary asthma attack last night and thought I was going to die. I'm okay now but shaken.
Years ago I overdosed and ended up in intensive care. That was my rock bottom and I've climbed a long way since.
I'm grieving and I cry a lot but I'm not going to do anything to myself.
I'm scared of dying on the operating table. My surgeon says I'll be fine.
It's been a rotten year but I still want to be here for all of it.
""")

MOD_LONG_2 = lines("""
I've been off work for two months with burnout. My manager keeps emailing asking when I'm coming back. I can't even open my laptop without shaking. My partner is being patient but I can see it's wearing thin. I keep thinking they'd all be better off without me. I don't have any plan, I just feel like a weight on everyone.
I'm 19 and I've never had a proper friend. I thought uni would be different but I eat alone every day. I go home at weekends just to have someone to talk to. Honestly I don't see what the point of me is. I wish I could just stop existing. I'm not going to do anything, I just wanted to say it.
I lost my hearing last year after an illness. I can't do my old job, I can't follow conversations, I've stopped going out. My family get frustrated repeating things. I feel like a burden at every dinner. Some nights I wish I wouldn't wake up. I'm typing because I can't use the phone line.
The council have told us the flat will take another year to fix. There's mould in every room and my son's asthma is getting worse. I've complained fifty times. I'm so tired. Sometimes I think I'd rather not be alive than keep fighting like this. I won't do anything, I've got my son. But that's how low I am.
My partner died suddenly in the summer. We'd just bought a house together. Now I'm paying a mortgage I can't afford for a home full of his things. His family have stopped calling. I wish it had been me instead. I don't want to be here without him, but I'm not going to do anything. I just need to talk about the mortgage.
I got scammed out of my life savings by someone I thought loved me. I'm 63. I'm so ashamed I haven't told my children. The bank says they can't refund it. I keep thinking they'd be better off without a foolish old woman to worry about. I just want it all to stop.
I've had long covid for two years. I was a teacher. Now I can manage about an hour of being upright a day. My friends have drifted. I've stopped believing I'll get better. I don't want to die but I don't want to live like this for another thirty years either. I can't see a future at all.
""")

HIGH_LONG_2 = lines("""
My dad has told me he's ashamed of me since I dropped out. My mum just goes along with him. I'm sleeping in my car most nights. I've been thinking about killing myself, properly thinking, I know which bridge. I haven't picked a day. I just can't see another way out of feeling like this.
Three years of IVF and it's over. We can't afford another round and the doctors say it won't work anyway. My wife is grieving and I'm trying to be strong for her. But when I'm driving alone I think about steering into oncoming traffic. I've thought about exactly where. I haven't done it. I'm scared I will.
I got caught shoplifting because I was hungry and now I've got a court date. I'll lose my job when they find out. I've been looking up ways to end my life every night this week. I've thought about the pills in the bathroom. I don't know when, I just know I can't go to that court.
The harassment from my ex hasn't stopped. New numbers, new accounts, every day. The police say there's nothing they can do. I don't feel safe anywhere. I've started thinking about ending it myself, just so it stops. I know how I'd do it. I just haven't yet.
i'm 14 and i hate myself. everyone in my year thinks i'm a freak. i've been looking up how to kill myself on my phone under the covers. i know where dad keeps his pills. i'm not gonna do it tonight but i really want to. please don't tell anyone
I've been sober eleven months and tonight I've got a bottle in front of me I haven't opened. I'm not just thinking about drinking. I'm thinking about drinking and then driving off the cliff road. I've thought about it for weeks. I don't know if it's tonight. I'm messaging because I need to talk to someone.
""")

IMM_LONG_2 = lines("""
I've run out of options. The debt advice people said bankruptcy, my wife said she's leaving, and my boss let me go on Friday. I've written letters to all three of my kids. I've taken the tablets I've been saving, about twenty minutes ago. I'm sitting in the spare room. I just wanted to cancel my phone so they don't have to deal with it.
I've spent all day sorting things out. The dog's with my brother, the will's signed, the car keys are on the hall table with a note. I've told work I won't be in tomorrow. Tonight I'm going to the bridge by the old mill. I've never felt so calm. This is just one more account to close.
I'm 16 and my parents found my messages and said I'm disgusting. They've taken my phone but I'm on my laptop. I've taken all the pills in the bathroom cabinet. I feel sick and sleepy. I don't want them to find me but I can't stay here. I just wanted someone to know.
My wife died in January and I've held on for the grandchildren. But I'm so tired. I've been to see each of them this week to say goodbye, though they didn't know it. I've settled my accounts today, yours is the last. Tonight I'm going to take my life. I've had a good innings. Please don't ring back.
i've been bullied at work for a year and today they laughed at me in front of everyone. i walked out and drove to the coast. i'm sitting on the cliff edge now with my legs over. i've left my phone in the car with a note on it. i'm typing this on my tablet. i'm going to jump in a minute
I'm in A and E's car park. I came here to get help and they said four hours. I can't wait four hours. I've already taken the pills I had in my bag. I'm going to sit in the car and let them work. I'm only messaging to stop my direct debit.
The bailiffs are coming in the morning. I've given my furniture away, sent my photos to my sister and written my note. I'm in the garage with the car running. I'm not scared. I just didn't want my mum to get a letter from you lot after I'm gone.
It's been five years of pain and no answers. I've said goodbye to my partner tonight, he thinks I'm just tired. I've taken everything I've got, all my prescriptions together. It's been about forty minutes. I'm getting very heavy. Please make sure he doesn't get charged for my account.
""")


# ---------------------------------------------------------------- slot-filled templates (contact-centre business + risk statement)
BIZ_CHAT = lines("""
I need to cancel my phone contract.
Can you stop my direct debit please?
I want to close my savings account.
Please cancel my subscription.
I'm getting in touch about my overdue electricity bill.
Can you pause my gym membership?
I'd like to cancel my car insurance renewal.
My card got declined again.
Please take me off the family mobile plan.
I'm behind on my loan repayments again.
Can you just cancel the broadband.
I need to close my credit card.
Cancel my streaming plan please.
My parcel still hasn't arrived.
Can I put the account in my sister's name?
I'm writing about the late payment fee.
Can you stop sending me reminder emails?
I want to cancel the renewal on my breakdown cover.
I need the final statement for my account.
Don't bother with the retention offer.
""")

MOD_CLAUSE = lines("""
Honestly nothing matters anymore, I just wish I didn't exist.
Not that it matters, I don't see a future for myself anyway.
Everyone would be better off without me, probably you lot included.
I keep hoping I won't wake up, so I don't know why I'm bothering.
What's the point of any of it, I just want everything to stop.
I'm such a burden on my family, they'd be better off without me.
Sorry, I'm not in a good place. I wish I could disappear for good.
To be honest I don't really want to be alive anymore.
My kids deserve better than me, honestly.
I'd be fine if I just never woke up.
I'm so tired of being alive.
Life doesn't feel worth living lately.
I honestly can't see the point of me.
There's no point going on like this.
""")

HIGH_CLAUSE = lines("""
I won't be around to use it, I'm planning to end my life.
I'm not going to be here much longer.
Honestly I want to kms, not joking.
I keep looking up ways to die so it won't matter for long.
I've been thinking about how I'd end it.
I want to kill myself, that's the truth.
I'm going to end it at some point, I know I am.
I keep thinking about jumping off the bridge on my way home.
tbh I want to unalive myself.
I'm going to top myself eventually.
I've been thinking about suicide all the time.
I want to die and I've thought about how.
""")

IMM_CLAUSE = lines("""
I won't need it after tonight.
I'm ending my life tonight.
I've already taken the pills.
I've written my notes and I'm doing it this evening.
I'm on the bridge now, this is the last thing I'm sorting.
I took everything an hour ago, I just want this done before I fall asleep.
I've said goodbye to everyone, I'm going tonight.
I'm killing myself after this chat.
The tablets are in front of me and I'm taking them when we're done.
I've given my dog away and made my will, it's happening tomorrow.
I'm sat in the car in the garage with the engine on.
I won't be alive by the morning.
""")

BIZ_VOICE = lines("""
yeah hi im calling to cancel my contract
um i need to stop the direct debit
so im ringing about the gas bill
hi yeah its about my loan payments
i want to close the account
can you um cancel the broadband
its about the card it got declined
i need to take my name off the account
yeah so um i wanna cancel my insurance
hi im calling about my parcel
so um i need to change the name on the bill
i just want to cancel everything
""")

MOD_CLAUSE_V = lines("""
honestly i dont see the point in anything i just wish i didnt exist
everyone would be better off without me anyway
i keep hoping i dont wake up so whats the point
im just a burden on everybody
i dont really want to be alive anymore to be honest
my kids deserve better than me honestly
i just want it all to stop
i cant see a future for myself
""")

HIGH_CLAUSE_V = lines("""
i wont be around im gonna end my life
i want to kill myself honestly
ive been thinking about how id do it
i keep looking up ways to die
im not gonna be here much longer
i keep thinking about jumping off the bridge
im gonna top myself at some point
ive been thinking about suicide all the time
""")

IMM_CLAUSE_V = lines("""
i wont need it after tonight
im ending it tonight
ive already taken the pills
ive written the notes and im doing it tonight
im on the bridge right now
i took everything about an hour ago
ive said goodbye to everyone
im gonna kill myself after this call
""")

FILLERS = ["um", "uh", "so", "like", "you know", "i mean", "yeah", "sorry"]


def build_templates(rng, biz, clauses, n, voice=False):
    pairs = [(b, c) for b in biz for c in clauses]
    rng.shuffle(pairs)
    out = []
    for b, c in pairs[:n]:
        if voice:
            f = rng.choice(FILLERS)
            text = "%s %s %s" % (b, f, c) if rng.random() < 0.7 else "%s %s %s" % (c, f, b)
        else:
            r = rng.random()
            if r < 0.6:
                text = "%s %s" % (b, c)
            elif r < 0.85:
                text = "%s %s" % (c, b)
            else:
                text = ("%s %s" % (b, c)).lower().replace("'", "").replace(".", "").replace(",", "")
        out.append(text)
    return out


# ---------------------------------------------------------------- assembly
def main():
    rng = random.Random(20240611)
    rows = []

    def add(texts, level, channel, category="suicide"):
        for t in texts:
            rows.append({"text": t, "level": level, "category": category, "channel": channel})

    add(MOD_CHAT, "moderate", "chat")
    add(MOD_VOICE, "moderate", "voice")
    add(MOD_LONG, "moderate", "chat")
    add(MOD_LONG_VOICE, "moderate", "voice")
    add(HIGH_CHAT, "high", "chat")
    add(HIGH_VOICE, "high", "voice")
    add(HIGH_LONG, "high", "chat")
    add(HIGH_LONG_VOICE, "high", "voice")
    add(IMM_CHAT, "imminent", "chat")
    add(IMM_VOICE, "imminent", "voice")
    add(IMM_LONG, "imminent", "chat")
    add(IMM_LONG_VOICE, "imminent", "voice")
    add(LOW_CHAT, "low", "chat", "none")
    add(LOW_VOICE, "low", "voice", "none")
    add(IMM_CHAT_2, "imminent", "chat")
    add(LOW_CHAT_2, "low", "chat", "none")
    add(MOD_LONG_2, "moderate", "chat")
    add(HIGH_LONG_2, "high", "chat")
    add(IMM_LONG_2, "imminent", "chat")
    n_literal = len(rows)

    add(build_templates(rng, BIZ_CHAT, MOD_CLAUSE, 45), "moderate", "chat")
    add(build_templates(rng, BIZ_CHAT, HIGH_CLAUSE, 60), "high", "chat")
    add(build_templates(rng, BIZ_CHAT, IMM_CLAUSE, 50), "imminent", "chat")
    add(build_templates(rng, BIZ_VOICE, MOD_CLAUSE_V, 25, voice=True), "moderate", "voice")
    add(build_templates(rng, BIZ_VOICE, HIGH_CLAUSE_V, 30, voice=True), "high", "voice")
    add(build_templates(rng, BIZ_VOICE, IMM_CLAUSE_V, 30, voice=True), "imminent", "voice")
    n_template = len(rows) - n_literal

    # dedupe (first occurrence wins), deterministic order
    seen, final = set(), []
    for r in rows:
        key = r["text"].strip()
        if key in seen:
            continue
        seen.add(key)
        r["text"] = key
        final.append(r)

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "suicide.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for r in final:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("literal", n_literal, "template", n_template, "written", len(final))


if __name__ == "__main__":
    main()
