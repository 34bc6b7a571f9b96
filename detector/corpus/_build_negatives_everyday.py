"""Build detector/corpus/negatives_everyday.jsonl.

Everyday first-person plans, wants and feelings (level none, a few level low),
short chat replies, ordinary social posts, and violent-word idioms / third-person
narrative.  Purpose: counter-examples for the crisis grammar ("I'm going to ...",
"I won't need ...", "I'm done with ...", "tonight") used outside any crisis.

Deterministic: no randomness.  Every sentence was written for this file; the
templated rows are a small slot-filled block at the end (kept <= 25%).
Each block is one sentence per line; blank lines are ignored.
"""
import itertools
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "negatives_everyday.jsonl"


def lines(block):
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip()]


SECTIONS = []  # (name, level, channel, [texts])


def add(name, level, channel, block):
    SECTIONS.append((name, level, channel, lines(block)))


# ---------------------------------------------------------------------------
# 1. First-person plans and wants in everyday service talk
# ---------------------------------------------------------------------------
add("plans", "none", "chat", """
I'm going to take the 7:42 to Leeds tomorrow, is there still an advance fare?
I'm gonna need a taxi from the station when I land tonight.
I want to move my flight to the earlier one on Friday morning.
I wanna swap to a window seat if any are still free.
I'll collect the hire car from the airport desk around noon.
I need to add my partner to the booking before the weekend.
I'm ready to pay the balance on the hotel now, what's the total?
I'm thinking about staying two extra nights, is the room free till Sunday?
I've decided to go by coach instead, please cancel the train tickets.
I plan to check in late, probably around midnight, is that ok?
I'm done with this airline. Just refund me and I'll book with someone else.
I can't make the 9am ferry, can I move to the afternoon sailing?
I don't want to pay for seat selection, just put me anywhere.
I'm leaving for Porto on Thursday and my passport renewal still hasn't come.
I won't need the airport transfer after all, my brother is driving me.
I'm going to be about forty minutes late for check-in, please don't give the room away.
I want to book the sleeper train for the 14th, one cabin, two adults.
I'll be travelling with a folding bike, do I need to reserve a space for it?
I need to print my boarding pass but the app keeps logging me out.
I'm thinking about a city break in March, what do you have under 300?
I've decided to skip the connecting flight and take the train from Frankfurt.
I plan to leave the car in the long-stay car park for ten days.
I'm gonna miss my connection, the first flight is delayed by an hour.
I can't find the e-ticket you emailed, can you resend it?
I don't want to travel on the Sunday, is Monday cheaper?
I'll need a cot in the room, we're travelling with a toddler.
I want to end my booking early and check out tomorrow instead of Friday.
I'm leaving the hotel at 5am for an early flight, can I settle the bill tonight?
I'm ready to board but the gate hasn't been announced yet.
I won't need breakfast on the last day, we're leaving before it opens.
I'm going to drive up on Saturday, is there parking at the venue?
I want to see if there's a quieter room, the one I've got faces the main road.
I need to cancel one of the two rooms, my friend can't come anymore.
I'm thinking about going via Brussels, would that be quicker?
I've decided to fly home a day early, what's the change fee?
I plan to bring my own snowboard, is there a charge for sports equipment?
I'm done with budget hotels after last night, what's your nicest room?
I can't remember which terminal we fly from tomorrow.
I'll be arriving by bus so I won't need the parking permit.
I'm leaving my big suitcase at left luggage while I walk around town.
I'm gonna book the 18:10 back unless there's something later.
I want to travel first class for once, how much extra is it?
I need to get to the airport by 4 tomorrow, can you book me a cab for 2?
I'm ready to confirm, please go ahead and book the Tuesday flight.
I don't want to lose my deposit if the strike goes ahead.
I'm going to a wedding in Galway next month and need a room near the church.
I'll take the room with the balcony if it's still there.
I wanna go somewhere warm in February, any last-minute deals?
I plan to walk the coast path over five days, can you move my luggage between inns?
I'm thinking about renting a campervan for the summer holidays.

I want to book a table for six tonight around 8.
I'm gonna be late for our reservation, can you hold the table fifteen minutes?
I'll have the mushroom risotto and a sparkling water please.
I need to cancel tomorrow's booking, half the group has the flu.
I'm thinking about the tasting menu, is it suitable for vegetarians?
I've decided to order the birthday cake from you, chocolate with raspberry.
I don't want coriander in anything please, I can't stand it.
I'm ready to order whenever you are.
I plan to bring a cake for my mum's birthday, is there a corkage-style fee for that?
I can't eat gluten, which dishes are safe?
I'm done with waiting, the food's been forty-five minutes, can I speak to the manager?
I won't need a high chair after all, the baby's staying with grandma.
I want to change my delivery order, I added the wrong pizza.
I'll pick up the takeaway myself at half seven.
I'm going to leave a review about the cold chips, just so you know.
I wanna try the new brunch menu this weekend, do you take walk-ins?
I need to book the private room for a leaving do on the 22nd.
I'm leaving work early to make the 6pm sitting.
I've decided to go for the set lunch, it's better value.
I'm gonna order the same as last time, the spicy noodles with extra tofu.

I want to get two tickets for the 9pm showing tonight.
I'm going to see the new space film on Saturday, are there recliner seats left?
I'll need the accessible seats, my dad uses a wheelchair.
I'm thinking about the season pass, how many films would I need to see for it to pay off?
I can't get the tickets to download onto my phone.
I'm gonna bring my niece to the matinee, is it a 12A?
I don't want to sit near the front, it hurts my neck.
I plan to go to the late showing after dinner.
I've decided to cancel my cinema membership, I barely go anymore.
I want to see the concert in Manchester, not the London date.
I'm ready to buy the festival tickets the second they go on sale.
I need to transfer my gig ticket to a friend, I can't go anymore.
I'll be at the theatre by seven, can I collect tickets at the box office?
I'm going to the match tomorrow, what time do the gates open?
I wanna go to the comedy night on Friday, is it sold out?
I won't need the programme, I'll just download the app.
I'm thinking about taking the kids to the panto, which date has the best seats?
I'm leaving the concert before the encore to catch the last train.
I'm done with queuing for tickets online, the site crashes every time.
I want to book the escape room for eight people next Saturday.

Is it going to rain tomorrow? I'm going to the coast and need to know what to pack.
I'm gonna cancel the picnic if that storm warning is right.
I want to know if the ferry is running tonight with this wind.
I'll move the barbecue to Sunday if it's dry then.
I need to know whether the mountain road will be closed because of snow.
I'm thinking about postponing the garden party, the forecast looks grim.
I can't drive in fog like this, can I push my appointment to the afternoon?
I don't want to get caught in the storm on the way home, is the motorway clear?
I plan to go hiking on Saturday if the heatwave breaks.
I've decided to hold the wedding photos indoors because of the rain.

I want to view the two-bed flat on Elm Road this week.
I'm going to put an offer in on the house tomorrow morning.
I'll need a mortgage in principle before I can make an offer, can you help?
I'm thinking about moving closer to my work, what's available near the business park?
I've decided to rent rather than buy for another year.
I plan to move in on the first of the month, can I get the keys a day early?
I'm ready to sign the tenancy agreement, where do I send it?
I need to give notice on my flat, how many weeks do I need?
I can't view on weekdays, do you do Saturday viewings?
I don't want a ground floor flat, too noisy.
I'm done with house hunting for this weekend, we saw nine places.
I'm leaving my current flat at the end of June.
I'm gonna need a van for the move, what sizes do you have?
I wanna get the boiler checked before we exchange contracts.
I won't need the parking space at the new place, I'm selling the car.
I'm going to repaint the spare room before the new lodger arrives.
I'll be out of the country when the survey happens, can my sister let them in?
I want to pull out of the purchase, the survey found subsidence.
I need to move my broadband to my new address on the 12th.
I'm moving home next week and need to update my address on the account.
I've decided to put most of my stuff in storage while the extension is built.
I'm leaving the old place in good nick, so I want my full deposit back.
I plan to downsize once the kids have moved out.
I'm thinking about selling up and moving to the coast when I retire.
I'm ready to exchange, just waiting for the buyer's solicitor.

I want to rent a car for a week from the 3rd, something small.
I'm going to return the rental a day early, do I get anything back?
I'll need a car with automatic gears, I never learned manual.
I need to add a second driver to the rental.
I don't want the extra insurance, my card covers it.
I'm gonna drop the car at a different branch, is there a fee?
I can't find the fuel cap release on this rental, help.
I've decided to sell my car, can you value it?
I'm selling the car because we've moved to the city and never drive anymore.
I plan to sell the old estate privately and buy something electric.
I want to take the car off the road for the winter, how do I declare it?
I won't need the car insurance after the 30th, I've sold the car.
I'm done with this car, it's been in the garage four times this year.
I'm thinking about leasing instead of buying this time.
I'm going to trade in the hatchback when the new one arrives.

I want to end my contract, I'm moving to another provider.
I'm ending my membership today, please stop the direct debit.
I won't need the second line anymore, my son has his own contract now.
I want to cancel my gym membership, I've joined one nearer home.
I'm going to close my savings account and move the money to my ISA.
I need to cancel the streaming subscription before it renews tomorrow.
I've decided to close the business account, the shop has shut for good and I've retired.
I'm done with this phone. It freezes every day. I want a replacement or my money back.
I can't take this anymore, third time this week the router has dropped.
I'm leaving your network at the end of the month unless you match this price.
I don't want to renew the home insurance, I found a cheaper quote.
I'm ready to cancel, just tell me what the final bill will be.
I plan to switch energy suppliers before the winter.
I'm thinking about dropping the sports package, I never watch it.
I'll cancel the magazine subscription myself if you can't do it from there.
I want to close my account and have the balance sent to my current account.
I'm ending the contract early, what's the exit fee?
I won't need the landline once the fibre is in.
I'm gonna cancel if the price goes up again in April.
I need to stop the newspaper delivery while I'm away for three weeks.
Please take my name off the joint account, we've separated and I'm moving out.
I want my ex removed from the broadband account, we split up in the spring.
I'm moving out of the shared house, can I come off the energy bill from the 1st?
I need to close the joint account now the divorce is final.
I don't want the music subscription anymore, I've gone back to CDs, believe it or not.
I'm done with paper statements, switch me to online please.
I've decided to cancel the meal kit, I keep forgetting to cook them.
I'm ending my phone contract and keeping the handset, is it unlocked?
I won't need the extra storage plan after I clear out my photos.
I can't believe you charged me after I cancelled. I want that refunded today.
I'm leaving the bank after twenty years because of the new fees.
I wanna pause the subscription for two months instead of cancelling.
I'm going to close this email account and use my work one instead.
I plan to delete my old social media accounts this weekend, how do I download my photos first?
I'm ready to port my number to the new network, can I have the code?
I need to cancel the cleaner's standing order, she's retired.
I won't need the parcel locker anymore, I'm working from home now.
I'm done with this bank app, it logs me out every thirty seconds.
I want to end the lease on the office unit, we're going fully remote.
I'm thinking about cancelling the TV licence since we only stream now.
I don't want to be on your mailing list any longer, please remove me.
I'm ending my volunteer shifts at the shop in December, can you take me off the rota?
I've decided not to renew the allotment next year, it's too far.
I'll ring back tomorrow to finish closing the account.

I'm giving away the old sofa because the new one arrives on Saturday, can you collect it?
I want to donate a wardrobe and two chairs to the charity shop, do you do pickups?
I'm getting rid of the bunk beds now the boys have their own rooms.
I need to give away the dining table before we move, it won't fit in the new kitchen.
I've decided to clear out the garage and give the tools to the community shed.
I'm selling my old bike now I've got an e-bike, is there a listing fee?
I plan to give the piano to my niece, can you quote me for moving it?
I won't need the cot anymore, my youngest is in a big bed, who takes them?
I'm thinking about selling my record collection to make room for the baby.
I'm going to give my old laptop to my nephew, how do I wipe it properly?

I'm meeting the solicitor on Tuesday to update my will now the twins are born.
I want to write a will, my wife and I have been putting it off for years.
I need to add my new grandson to my will, what does that cost?
I've decided to set up lasting power of attorney with my sister, just as admin.
I plan to review my pension beneficiaries when I get back from holiday.
I'm going to sort out a will before we buy the house, the mortgage advisor suggested it.
I want to change the executor on my will, my brother has moved abroad.
I'm thinking about life insurance now we've got a mortgage, can you quote me?
I need to update my nominated beneficiary since I got married.
I'll bring the will draft to the appointment so the solicitor can check the wording.

I'm going to be working from home tomorrow, can the delivery come in the morning?
I want to change my delivery slot to after 6pm.
I'll be in all day Friday, send the engineer whenever.
I need to reschedule my dentist appointment, something came up at work.
I'm gonna be out tonight, can you leave the parcel with next door?
I can't do Thursday, can we make it Monday instead?
I don't want to go through the whole security check again, I just did it with your colleague.
I'm ready to give you my card details now.
I'm thinking about upgrading my phone, what's the best deal for an existing customer?
I've decided on the blue one, please add it to the order.
I plan to pay the rest of the invoice on payday.
I'm done with the survey, it's too long.
I'm leaving the office at five, can I pick up the prescription on the way home?
I won't need the receipt, thanks.
I want to speak to someone about my bill, it's doubled.
I'm going to order the sofa in grey instead of green.
I'll pay by bank transfer if that's ok.
I need to book my car in for an MOT before the end of the month.
I wanna get my hair cut short for summer, do you have anything Saturday?
I can't log in, it says my email isn't recognised.
I'm going to try the reset link again and call back if it doesn't work.
I want to return these shoes, they're half a size too small.
I'll be away next week so I want to pause my veg box.
I need to renew my library books, they're due tomorrow.
I'm thinking about switching my pension to a greener fund.
I've decided to get the extended warranty after all.
I plan to move my doctor's appointment to after the school run.
I'm ready to book the plumber, what's the earliest slot?
I don't want the installation, I'll fit it myself.
I'm done with the paperwork for the passport, where do I post it?
I'm leaving the keys under the mat for the cleaner on Wednesday.
I can't open the attachment you sent, can you paste it into the chat?
I want to give up the second parking permit, we only have one car now.
I'm gonna call the council tomorrow about the bin collection.
I need to update my surname, I got married last month.
I'll send the photos of the damaged box in a minute.
I won't need the engineer after all, turning it off and on fixed it.
I'm going to cook for twelve on Sunday, can I order a bigger turkey?
I wanna cancel the order I just placed, I picked the wrong size.
I'm thinking about learning to drive this summer, how much is a block of lessons?
I've decided to keep the old tariff, the new one isn't worth it.
I'm ready to go paperless.
I plan to visit the branch tomorrow to pay in the cheque.
I'm leaving my job in March so I want to cancel the cycle-to-work scheme.
I don't want to wait on hold again, can you call me back?
I'm done for today, I'll pick this up tomorrow.
I need to end the call in five minutes, I have a meeting.
I'll finish the application after this call.
I'm going to hang up and try the number on the website.
I'm ready to close the ticket, the issue is fixed.
I won't need anything else after this, thank you.
I can't wait for the new kitchen to be fitted!
I want to know when the sale starts.
I'm gonna sort out my tax return before the weekend, finally.
I've decided to learn Spanish before the trip, do you do evening classes?
I plan to run the half marathon in October, is there a training plan with the entry?
I'm thinking about adopting a rescue cat, what's the process?
I'm getting a puppy next month, can I add it to my home insurance?
I'm going to start swimming again, what time is the early lane session?
I need to sign up for the yoga class before the spaces go.
I want to get fit before the wedding, what memberships do you offer?
I'll give the personal trainer a go if there's a free taster.
I'm done with the diet app, please cancel the premium plan.
I'm leaving the choir, it clashes with my new shift pattern.
I don't want to go to the work party but I'll show my face for an hour.
I'm thinking about going back to uni part-time.
I've decided to take a gap year before starting my apprenticeship.
I plan to propose on holiday, can you arrange champagne in the room?
I'm ready for the holidays, just need to book the dog sitter.
I'm going to surprise my wife with a weekend away, what spa breaks do you have?
I wanna get my mum something nice for her birthday, any ideas under fifty quid?
I'll be ordering the anniversary flowers for delivery on the 5th.
I need to get a new suit for the interview on Monday.
I can't decide between the two laptops, which has the better battery?
I'm going to finish this box set tonight if it kills me.
I want to spend the whole weekend doing nothing at all.
I'm gonna sleep for twelve hours after this shift.
I'll call it a night after this episode.
I'm leaving the party early, I've got work at six.
I don't want to cook tonight, let's order in.
I'm done with revision for today, my brain is full.
I've decided to paint the fence this weekend whatever the weather.
I need to buy a birthday card for my grandad before Friday.
I'm ready to quit my job and open a bakery, I've been planning it for two years.
I'm quitting my job to go travelling, so I need to move my pension.
I'm thinking about quitting the football team, my knee can't take it.
I want to give up coffee, any decaf recommendations?
I'm going to stop drinking for January, dry month challenge.
I plan to finish the extension by the end of the summer.
I'll be off grid camping for a week, so please don't call.
I'm leaving for good at the end of the month, moving to Canada for work, so I need to close my UK accounts.
I'm leaving the country for a year, can I freeze my mobile contract?
I won't need my season ticket next year, I'm moving away for work.
I've decided to emigrate to New Zealand, how do I transfer my savings?
I'm going away for a while, a six-month secondment, so please hold my post.
I won't be needing the allotment shed key after Friday, I'll drop it off.
I'm saying goodbye to the office on Friday, my last day before I start the new job.
I've written my leaving card messages, now I need to book the restaurant for my farewell lunch.
I'm going to sort out all my old photos and give copies to the family for Christmas.
I want everything tidied up before I go on maternity leave.
I need to get my affairs in order before the big move abroad, bank, phone, pension, all of it.
I'm getting all my paperwork sorted this week because the accountant wants it by Friday.
""")

add("plans", "none", "voice", """
um im gonna need to change the train to the later one tomorrow
yeah so i i want to cancel my contract at the end of the month
hi um im going to be late checking in tonight like around eleven
i want to end my membership today please
uh i wont need the second line anymore my daughter got her own phone
im done with this phone honestly it keeps restarting i want a new one
i cant take this anymore thats the third time the wifi has dropped today
so um im leaving the flat on the thirtieth and i need the meter reading done
i need to book a taxi for five am tomorrow to the airport
i wanna book a table for four tonight if you have anything around eight
im thinking about um extending the car hire by two days
ive decided to sell the car so i need to cancel the insurance from friday
i plan to move the broadband over to the new house on the twelfth
im ready to pay now shall i read the card number
yeah i i dont want to renew the policy its gone up too much
im going to the match on saturday so i need the tickets sent before then
i want to take my name off the joint account we separated and im moving out
uh im gonna cancel the gym i just never go
ill call back after this call with the reference number
i need to close my dads old savings account hes moved in with us and wants it all in one place
so i want to give away the old wardrobe do you do collections
im going to write a will with the solicitor next week just normal stuff now weve got the house
um i wont need the parking permit after march ive sold the car
im leaving work early tomorrow so can the engineer come before twelve
i want to change the flight to the sunday its my sisters wedding on the saturday
yeah im done with waiting in this queue can someone just call me back
i cant make the appointment on thursday can we do monday
i dont want the upgrade i just want the same phone fixed
im ready to go ahead with the switch
im thinking about moving closer to my mum so um what have you got in that area
ive decided to go with the cheaper tariff
i plan to be there by half six for the show
im gonna be out so just leave it in the porch
er i want to cancel the streaming thing before it charges me again
i need to move my delivery to saturday please
im going to pick up the rental at the airport around um two oclock
i wanna see if theres any seats left for the nine oclock film tonight
im leaving for spain on thursday and my card got blocked
i wont need the hotel for the last night were driving home early
so so i want to close this account and move everything to my other bank
i need to end the lease on the storage unit weve cleared it out
im done with this router i want an engineer out
um i cant do the viewing tomorrow can we move it to the weekend
i dont want to lose my no claims bonus
im ready to book the removal van for the first
im thinking about selling the sofa before we move do you buy furniture
ive decided to keep the landline for my mum she likes it
i plan to go walking in the lakes if the weather holds
yeah im going to need a bigger car for the week theres five of us
im gonna finish the application tonight and send it in tomorrow
i want to speak to someone about closing the business account ive retired
i i need to change the name on the booking its for my husband now
im leaving the key with the neighbour for the plumber
im done for tonight ill ring back in the morning
i cant find the booking email anywhere
i dont want any more marketing calls please take me off the list
ill take the earlier train then
im going to give the old bike to my neighbours lad
i want to get two tickets for the panto on the twentieth
i need to cancel the cleaning on wednesday were away
uh im thinking about going to the coast tomorrow is the road open
im ready when you are
ive decided to pay it all off in one go
i wanna sort this out before the weekend
i plan to switch to the electric car tariff when the charger goes in
im going away for a few weeks for work so please hold my post
i wont be needing the spare key back ive moved out
so uh im going to be moving house on the twentieth and i need the gas transferred
i wanna get the sleeper train to inverness next friday
um i need to cancel the hotel in york my conference got moved online
im thinking about getting a smaller flat now the kids have left
yeah i i want to end the contract early whats the fee
ive decided to go paperless so stop sending the letters
im leaving the country for six months with work so can i freeze the account
i wont need the van after all my mates got a trailer
um im giving away the old fridge freezer do you recycle them
we we want to update our wills now the baby is here can i book an appointment
im going to sell the caravan we never use it anymore
i dont want to pay for the delivery if its going to be late again
i cant believe its not fixed yet ive had three engineers out
""")

# ---------------------------------------------------------------------------
# 2. Short chat lines and replies
# ---------------------------------------------------------------------------
add("short", "none", "chat", """
not right now
no thanks
that's everything
yes please
go ahead
I'm ready
let's do it
do it now
that's all for tonight
nothing else
Not right now, thanks.
No thank you, I'm all set.
That's everything, cheers.
Yes please, that would be great.
Go ahead and book it.
I'm ready when you are.
Let's do it, book the lot!
Do it now please, before the price changes.
That's all for tonight, thanks for your help.
Nothing else, thank you.
nah i'm good
all done here
sounds good to me
perfect, thanks
that works
yes that's right
no that's wrong, it should be flat 2
correct
not quite
sure thing
ok do that then
fine, go on
yeah that's fine
no, leave it as it is
please cancel it
just cancel it
cancel it now
leave it for now
maybe later
not today thanks
I'll think about it
I'll pass, thanks
that's it for me
that's me done
all sorted, thanks
we're done here
I'm done, thanks
done!
finished
that's the lot
anything else? no
no more questions
one more thing actually
actually, wait
hang on a sec
give me a minute
brb
back now
still here
are you still there?
can you hear me?
sorry, wifi dropped
thanks, bye
bye for now
have a good evening
have a nice weekend
cheers, take care
thanks for sorting that
thank you so much!
much appreciated
you've been really helpful
great, thanks again
lovely, ta
ta very much
night!
good night
see you tomorrow
talk soon
speak later
yes, that's the one
no
yep, go for it
nope, that's all
yeah
ok
okay
okie
kk
k thanks
mhm
righto
alright
right, thanks
fair enough
makes sense
got it
understood
noted
confirmed
agreed
sounds fair
deal
book it
send it
submit
pay now
confirm booking
yes, confirm
no, don't confirm yet
wait, don't send it yet
hold off for now
skip
next
back
menu
help
agent please
talk to a human
speak to someone
can I talk to a person
just the one
two please
the second one
the cheaper one
the blue one
the first option
option 3
both
neither
either is fine
whichever is quicker
as soon as possible
asap please
whenever suits
any time after 5
mornings are best
not before 10
tomorrow's fine
today if possible
tonight works
this weekend
next week
end of the month
after payday
before the weekend please
after this call
later today
in an hour
in ten minutes
by Friday
on Monday
the 14th
3pm
half six
around noon
midnight
18:30
9.15am
Tuesday the 3rd
ref is ABX-20417
it's order 000-5512
postcode's on the form
same as before
same address
new address
the email on file
by text is fine
email me
call me back
no need to call
""")

add("short", "none", "voice", """
um not right now no
no thank you
yeah thats everything
yes please go on then
yeah go ahead with that
um im ready
lets do it then
yeah do it now
thats all for tonight
nothing else thanks
no thats all
um no i think thats it
yep yep thats it
yeah yeah thats right
no no thats not right
sorry can you say that again
hang on a sec let me find it
one second im just getting my card
ok then
alright then
right ok
ok lovely thank you
thanks so much bye
bye bye
cheers bye now
have a good night
uh tomorrow morning
about half ten
the fourteenth
next tuesday
yeah the later one
the first one please
um both of them
i think so yeah
no i dont think so
not sure to be honest
yes thats me
yeah thats my address
can you hear me now
sorry you cut out there
""")

# ---------------------------------------------------------------------------
# 3. Social / forum posts: ordinary life, moods, mild venting, hyperbole
# ---------------------------------------------------------------------------
add("posts", "none", "chat", """
so tired I fell asleep on the bus and woke up two stops past home
bored out of my mind, someone recommend a podcast
hungry enough to eat the entire fridge
hungover and regretting every single tequila
three exams in four days, send snacks
this week is killing me
dead tired after the night shift, bed till noon
I'm dying to see that film, who's free Friday?
i'd literally die for those shoes
had a rough day, going to watch a film and sleep
work was chaos today, the printer jammed and so did my brain
Monday again?? how
can't believe we lost in the 94th minute, I'm fuming
gaming all weekend, don't call me
finally beat the final boss after six hours
first date tonight, wish me luck
the date was fine but he talked about crypto for an hour
new album dropped and I've had it on repeat since 8am
it's 30 degrees and I'm melting
rain again. of course. it's a bank holiday
my cat knocked my coffee over my notes, great start
just ran my first 10k!!
legs are destroyed after leg day
procrastinating by cleaning the oven, that's how bad revision is
going to bed at 9 like a pensioner and I love it
the queue at the post office was a personal attack
I need a holiday from my holiday
my boss replied "per my last email" and I felt that
overslept, missed the bus, spilled tea on my shirt. good morning
group project partner ghosted us again
who decided meetings should start at 8am
made banana bread, it's mostly burnt but still edible
finally cleaned my room, found three mugs and a sandwich
my plant is thriving and honestly it's my proudest achievement
just spent 40 minutes picking a film and then didn't watch it
the gym was packed, new year resolution crowd is real
my team are so bad this season, I'm ready to support someone else
lost again on ranked, I'm done with this game for tonight
I'm going to sleep for a week after this deadline
I'm done with this heat, bring back autumn
can't wait for the weekend
can't be bothered to cook, cereal for tea it is
this traffic is killing me, an hour to go two miles
the new season of that baking show is the only thing keeping me going this week lol
my neighbour's dog barks at 6am every day and I'm losing my mind
literally starving, lunch is in 20 minutes and I'm counting
spent the whole day in pyjamas and zero regrets
coffee number four and it's only 11
my hair has decided to do its own thing today
exam results tomorrow, feeling sick with nerves
passed my driving test!!! third time lucky
failed my driving test again, back to lessons I guess
this assignment is due at midnight and I've written one paragraph
why does my code work on my laptop but not on the server
deployed on a Friday, pray for me
fixed the bug, it was a missing comma, I want my afternoon back
the wifi at uni is a joke
lecture at 9am on a Saturday should be illegal
my sister borrowed my jacket and "forgot" to return it, third time
dinner with the in-laws tonight, wish me patience
ordered pizza, it came cold, the driver got lost
haven't slept properly in a week, the baby's teething
toddler refused to wear shoes so we're just not going out
kids are off school for two weeks, pray for me
date went really well actually, second date on Thursday
he left me on read, fine, whatever
dating apps are exhausting, I'm deleting them all
just matched with someone who also loves board games, marry me
went to a gig last night and my ears are still ringing
that drummer was unreal
karaoke night was a disaster and I'd do it again tomorrow
football in the rain, soaked but we won 3-1
my five-a-side team finally won a game
skiing tomorrow, hoping I don't break anything
hiked up the hill, view was worth it, knees disagree
the match went to penalties and I nearly had a heart attack
this cold is killing me, nose is a tap
man flu has claimed another victim, send soup
the dentist said no fillings, I'm celebrating with cake
my landlord finally fixed the boiler after three weeks
moving day tomorrow, everything's in boxes and I can't find the kettle
new flat, new me, same mess
I'm so over this rain
lowkey obsessed with this new song
highkey need a holiday
this dress is everything, I need it
that outfit is to die for
I could murder a kebab after that shift
if I hear that advert jingle one more time I'll scream
stuck on level 42 for three days, this game hates me
my phone died halfway through the directions, had to ask a stranger
laptop just died before I hit save, two hours gone
the battery on this phone dies if you look at it wrong
my houseplants are dying and it's my fault for going on holiday
that joke absolutely killed, the whole table was crying
I died laughing at the dog in that video
the ending of that series destroyed me
this book is killing me slowly, 900 pages of politics
traffic lights on every corner, this commute is murdering me
I'm so full I could burst
the new burger place is insane, go go go
tried to be healthy, ended up at the bakery
my running app says I'm slower than last year, rude
sunburnt on the first day of the holiday, classic
snow day!! no work, just sledging
power cut during the final, the whole street groaned
I'm buying a new phone this weekend, mine is ancient
gonna sell my old guitar, barely touched it in years
gonna start a book club, who's in?
tonight's plan: takeaway, sofa, rom-com
I'm going to learn to knit this winter, send patterns
I want to go to Japan so badly
I wanna adopt every dog at the shelter
I'm ready for this year to be over, it's been a weird one
I'm ready for summer, this cold is endless
I can't wait to never see a spreadsheet again when I retire
I'm quitting sugar. again. day one
I'm done with people who don't indicate on roundabouts
I'm leaving this group chat if one more person sends a voice note
I'm never drinking again (I will be drinking again on Saturday)
no plans this weekend and I've never been happier
I've decided I'm a morning person now, day one, it's 6am, I hate this
birthday tomorrow, 30 feels weird
today I learned that I can't parallel park under pressure
getting a haircut tomorrow, it's been eight months
my team won the pub quiz, I'm unbearable now
paid off the credit card today, feeling smug
just booked flights for the summer, can't stop smiling
long day, feet hurt, but the team hit its target
grumpy because the shop ran out of croissants
I cried at an advert about a lost penguin, I'm fine
that video of the baby goat made my week
the bus driver waited while I ran for it, small joys
my flatmate made dinner for everyone, he's a legend
brain fog is real today, I put the milk in the cupboard
today was a write-off but tomorrow's a new day
bit of a meh week, but Friday's nearly here
not feeling it today, early night and try again tomorrow
work was rough but my mate made me laugh on the phone, better now
had a stressful day, going for a run to clear my head
feeling a bit flat today, going to call my mum and order a curry
everything went wrong at work but at least there's pasta at home
""")

add("posts", "low", "chat", """
miss my grandad so much today, would have been his 85th
moved to a new city for work and honestly it's pretty lonely, weekends are the worst
it's a year since mum passed and I still reach for my phone to call her
feeling really low lately, nothing's wrong exactly, just heavy
been crying on and off all day since the breakup, it's just sad
the house feels so empty since the dog died last week
lonely evening, everyone's busy and I don't really have anyone to text
sad today, the anniversary of my dad's death always hits hard
I'm so overwhelmed with work and the kids and money, I don't know where to start
can't shake this sadness since my nan's funeral
everyone at uni seems to have friends except me
my best friend moved abroad and I feel a bit lost without her
grief comes in waves, today was a big one
I've been so stressed I can't sleep, everything feels like too much right now
Christmas is hard since we lost my brother, I just want it to be January
feel invisible at work lately, nobody notices anything I do
divorce papers came through today, weird mix of relief and heartbreak
I haven't left the flat in days, just really down, going to try a walk tomorrow
missing home so much tonight, long distance is hard
first Mother's Day without her, it's awful
I'm exhausted and low and I don't know why, going to see my GP next week
the miscarriage was two months ago and I still feel so empty
I feel like I'm failing at everything this month, work, uni, the lot
sat in the car for twenty minutes crying after work, rough week
lost my job today, gutted, no idea what happens next
""")

add("posts", "none", "voice", """
ugh im so tired i could sleep standing up
um this week is honestly killing me so much work
im dying to see that new film are you free on friday
i literally would die for those trainers theyre so nice
had a rough day so im just gonna watch a film and go to bed
so bored theres nothing on telly
im starving whats for tea
uh im so hungover never again
exams start monday and ive done nothing
yeah work was mad today the system went down twice
we lost again on saturday i cant even talk about it
i was up till three playing that game again
first date tonight im so nervous
its boiling out there i cant cope with this heat
its been raining all day the kids are going stir crazy
my phone died on the way home so i couldnt call you
honestly i laughed so hard i nearly died
that gig last night was unreal my voice is gone
um the traffic on the ring road was murder this morning
im dead on my feet after that shift
im gonna have a bath and an early night
""")

add("posts", "low", "voice", """
i just miss her so much since the funeral you know
um ive been feeling really lonely since i moved here
its been a really sad week with my grandad passing
im just really overwhelmed at the moment with everything
i i cried all morning its the anniversary of my mums death
""")

# ---------------------------------------------------------------------------
# 4. Violent-word idioms and third-person narrative (fiction, sport, news)
# ---------------------------------------------------------------------------
add("narrative", "none", "chat", """
The striker shot from twenty yards and it flew into the top corner.
The detective found the knife under the floorboards in chapter three.
The old mill died a slow death when the factory closed.
She killed the lights and went to bed.
The story ends with the villain drowning in the river.
He shot a glance at the clock and kept talking.
The winger was shot down by a late tackle just outside the box.
In the final act the queen is poisoned by her own advisor.
The pirate captain was hanged at dawn in the last chapter of the book.
Our point guard shot 8 for 10 from three last night.
The murder mystery weekend was brilliant, my aunt turned out to be the killer.
The butler did it, obviously, with the candlestick in the library.
The documentary showed how the knight died of his wounds after the battle.
Police said the robbery suspect fled on foot and no one was hurt.
The chef showed us how to bone a chicken with a filleting knife.
The photographer shot the whole wedding on film.
They shot the opening scene in a disused warehouse in Glasgow.
The novel opens with a body found in the canal.
In the game you have to kill the dragon before you can leave the valley.
The sniper in the film misses on purpose and the whole plot turns on it.
The keeper saved a penalty and then got shot down by the ref for time-wasting.
The band's second album killed it in the charts.
The comedian absolutely killed at the festival last night.
The proposal was shot down in the first five minutes of the meeting.
The vampire drinks the villager's blood in the opening scene, very gory.
The blood bank is asking for O negative donors this week.
I gave blood today and got a free biscuit.
The surgeon on the hospital drama cut the wrong artery and the whole ward panicked.
The hero is stabbed in the back by his best friend in season two.
The old king dies in the first episode and the rest is a fight over the throne.
The author kills off the main character halfway through, I was furious.
The cowboy shoots the sheriff and rides off into the desert.
The zombie film was ridiculous, blood everywhere and nobody could act.
Tonight's quiz question: which Roman emperor was stabbed in the Senate?
Our history teacher explained how the soldiers died in the trenches.
The museum has a display of swords and daggers from the Viking age.
The knife-throwing act at the circus was terrifying.
The archer shot the apple clean off the statue's head in the legend.
In the play, the prince poisons the cup and everyone dies by the final scene.
He killed it at the interview, got the job on the spot.
The battery is dead, we need jump leads.
The party died down around midnight.
The phone line went dead halfway through the call.
The motion died in committee.
The fire died out by morning.
The trend died as quickly as it started.
That band is dead to me after the last album.
The town centre is dead on a Sunday afternoon.
The deadline is killing the whole team.
The referee killed the game with all those whistles.
The rain killed our plans for the beach.
The new tax rules will kill off small shops, says the article.
My boss will kill me if I'm late again.
My mum is going to kill me when she sees my haircut.
Dad would kill for a seat in the quiet carriage.
I'd kill for a cup of tea right now.
We slaughtered them 6-0 in the cup.
They got murdered in the second half, awful defending.
The critics butchered the remake.
The editor butchered my article, half of it's gone.
The tenor murdered that aria, in a bad way.
That comedian's set was a bloodbath, nobody laughed.
The sale was a bloodbath, people fighting over tellies.
The stock market bled all week.
The company is bleeding customers after the price rise.
My team is bleeding goals this season.
Cut-throat competition in the coffee shop market, says the business section.
The director's cut runs for almost four hours.
The government cut funding to the arts again.
The barber cut my hair far too short.
She cut him off mid-sentence.
They cut the cake at midnight.
The striker's shot hit the post twice in the first half.
Our new signing is a sharpshooter from the penalty spot.
He's a straight shooter, you always know where you stand.
The startup is a long shot but I invested a little anyway.
The kids had a water pistol fight in the garden all afternoon.
The starting pistol went and the runners were off.
The hunting scene in the costume drama was beautifully filmed.
The farmer shot the rabbits that were eating his lettuces, in the book.
The news said two men were arrested after a stabbing in the city last year; the trial starts Monday.
A fire at the warehouse killed no one but destroyed the stock, the report said.
The local paper covered the anniversary of the mining disaster that killed forty men in 1910.
The war film shows the battle from both sides and doesn't spare the blood.
The true crime podcast is about a poisoning case from the 1920s.
Agatha Christie loved a poisoning, half her murders are arsenic.
The victim in the crime novel was strangled with a scarf, the detective worked it out from a thread.
The killer in the film turns out to be the twin brother.
The gangster is shot in the final scene and the screen goes black.
The cat brought in a dead mouse this morning, lovely.
The tree in the front garden died over winter.
The old car finally died on the motorway.
My grandfather's regiment fought at the Somme, he told stories about it.
The exhibition is about duelling pistols in the eighteenth century.
The ship sank with all hands, according to the museum plaque.
The explorer froze to death on the return journey, the documentary said.
The soldier in the painting is dying in the arms of his comrade.
Romeo drinks the poison, Juliet uses the dagger, the end.
Macbeth kills the king and then everything goes wrong for him.
The dragon burns down the village in the first ten minutes of the film.
The hero jumps off the bridge onto the moving train, classic action movie.
The stuntman fell from the roof on purpose, it was all wires and mats.
The lifeguard pulled the swimmer out in the film, nobody drowned.
The boxer knocked him out cold in the third round.
He took a beating in the debate last night.
She destroyed him in the chess final.
The rookie shot up the rankings this season.
Sales shot through the roof after the advert.
Prices have shot up again at the supermarket.
The village was dead quiet after the festival.
Dead heat at the finish line, they had to check the photo.
Dead end street, turn around at the bins.
The dead zone in the house where the wifi doesn't reach.
Our code has a lot of dead functions nobody calls.
Kill the engine before you get out.
Kill the music, the neighbours are complaining.
Kill two birds with one stone and pick up the post on the way.
The killer app for the new phone is the camera.
Killer heels at the wedding, my feet are ruined.
That's a killer recipe, thanks for sharing.
Knife-edge vote in parliament tonight.
You could cut the tension with a knife at that dinner.
She's sharp as a knife in meetings.
The hostage scene in the thriller was filmed in one long take.
The spy hides a gun in the hollowed-out book, very old school.
The Western ends with a shootout at noon on the main street.
The paintball party was brilliant, I'm covered in bruises.
Laser tag on Saturday for Tom's birthday, bring trainers.
The fencing club meets on Tuesdays, sabre and foil.
Clay pigeon shooting for the stag do, booked for ten.
The archaeologists found a bronze age dagger in the field.
The bomb disposal unit made the old wartime shell safe, the news reported.
Firework night went off with a bang.
The comedy bombed on opening night.
The film bombed at the box office.
""")

add("narrative", "none", "voice", """
the striker shot from like twenty yards and it went straight in
um in the book the detective finds the knife under the floorboards
and then she just killed the lights and went to bed
the film ends with the bad guy drowning in the river
yeah the old factory died a slow death after the mine closed
my boss is gonna kill me if im late again
id kill for a coffee right now
we got absolutely murdered in the second half
the battery on the car is dead so i need someone out
my phone died halfway through the call sorry
the comedian killed it last night honestly so funny
in the game you have to kill the dragon to get to the next level
the main character gets shot in the last episode i was gutted
um the murder mystery night was great my uncle was the killer
they shot the whole film in scotland apparently
the keeper saved it but the rebound got shot in
theres so much blood in that zombie film i couldnt watch
i gave blood today at the church hall
the party kind of died around midnight
the line went dead so im calling back
my mum will kill me when she sees the carpet
the boxer knocked him out in the third round
prices have shot up again at the shop
we slaughtered them four nil
the villain poisons the king in the first act
the kids had a water pistol fight all afternoon
its a cowboy film so everyone gets shot at the end
the chef used a massive knife to carve the turkey
the tree in the back garden died over the winter
the sale was a total bloodbath people were grabbing everything
so in the last chapter the detective works out the butler stabbed him
the winger shot wide again honestly he couldnt hit a barn door
uh the whole series ends with the king getting killed by his own guard
the knife scene in that film made my nan jump out of her seat
the news said the old cinema is dying a slow death since the retail park opened
yeah she absolutely killed it at the karaoke
the motion got shot down at the council meeting
they found the body in the lake in the first episode its a really good drama
""")

# ---------------------------------------------------------------------------
# 5. Slot-filled rows (kept small: times, dates, references, simple plans).
#    Slots are zipped, not crossed, so each frame yields a handful of rows.
# ---------------------------------------------------------------------------
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TIMES = ["9am", "10:30", "noon", "1.15pm", "half two", "4pm", "5:45", "7pm", "8.30pm", "quarter to nine"]
SPOKEN_TIMES = ["nine", "half ten", "twelve", "quarter past one", "two oclock", "half three",
                "four", "ten to six", "seven", "eight thirty"]
DATES = ["the 2nd", "the 5th", "the 9th", "the 11th", "the 16th", "the 19th", "the 21st",
         "the 24th", "the 27th", "the 30th"]
REFS = ["ZKQ-3810", "MBT-7724", "HLR-0937", "PWX-5561", "TDN-2208", "QAE-6649",
        "RVC-1473", "YLS-9025", "GJF-3386", "NOW-4150"]
SERVICES = ["gym membership", "broadband contract", "magazine subscription", "veg box",
            "music streaming plan", "cloud storage plan", "wine club membership",
            "phone insurance", "breakdown cover", "film rental subscription",
            "meal kit delivery", "second mobile line"]
WHENS = ["today", "tomorrow", "at the end of the month", "before the weekend",
         "after this call", "from the 1st", "tonight", "before it renews",
         "this week", "when the contract ends", "from next month", "right away"]
ITEMS_REASONS = [
    ("spare room bed", "my lodger moved out"),
    ("child seat on the rental", "the kids are staying with their dad"),
    ("second parking permit", "we got rid of the van"),
    ("landline", "we only use mobiles now"),
    ("printer ink subscription", "I never print anything"),
    ("bike rack", "I sold the bike"),
    ("baby monitor", "the little one is five now"),
    ("work laptop bag", "I'm fully remote"),
    ("extra luggage allowance", "I'm packing light"),
    ("dog walker on Fridays", "I'm home on Fridays now"),
    ("gardener in winter", "nothing grows anyway"),
    ("sports channel", "the season is over"),
]
EVENTS = ["the jazz night", "the Saturday matinee", "the cup replay", "the food festival",
          "the magic show", "the ice rink session", "the late opening at the museum",
          "the kids' theatre workshop", "the open-air cinema", "the wine tasting"]

TEMPLATED = []  # (level, channel, text)


def t(level, channel, text):
    TEMPLATED.append((level, channel, text))


for i in range(10):
    t("none", "chat", f"Can we do {DAYS[i % 7]} at {TIMES[(i * 3) % 10]} instead?")
for i in range(10):
    t("none", "chat", f"Booking ref {REFS[i]}, arriving {DATES[(i * 7) % 10]}.")
for i in range(10):
    t("none", "voice", f"um {DAYS[(i + 2) % 7].lower()} at {SPOKEN_TIMES[(i * 3 + 1) % 10]} is fine")
for i in range(12):
    t("none", "chat", f"I want to cancel my {SERVICES[i]} {WHENS[(i * 5) % 12]}.")
for i in range(12):
    item, reason = ITEMS_REASONS[i]
    t("none", "chat", f"I won't need the {item} anymore, {reason}.")
for i in range(10):
    t("none", "chat", f"{(i % 4) + 2} tickets for {EVENTS[i]} on {DAYS[(i * 2) % 7]}, please.")
for i in range(10):
    t("none", "voice", f"yeah im gonna cancel the {SERVICES[(i + 3) % 12]} {WHENS[(i * 7 + 2) % 12]}")
for i in range(10):
    t("none", "chat", f"I'm going to pick it up on {DATES[(i * 3) % 10]} around {TIMES[(i + 4) % 10]}.")
for i in range(10):
    t("none", "voice", f"the reference is {' '.join(REFS[(i + 5) % 10].replace('-', '').lower())}")


# ---------------------------------------------------------------------------
LEVELS = {"none", "low"}
CHANNELS = {"chat", "voice"}
OTHER_FILES = ["negatives.jsonl", "other_risk.jsonl", "suicide.jsonl"]


def norm(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def existing_keys():
    keys = set()
    for name in OTHER_FILES:
        p = HERE / name
        if p.exists():
            with p.open(encoding="utf-8") as f:
                for ln in f:
                    if ln.strip():
                        keys.add(norm(json.loads(ln)["text"]))
    return keys


def build():
    rows = []
    for _name, level, channel, texts in SECTIONS:
        for text in texts:
            rows.append({"text": text, "level": level, "category": "none", "channel": channel})
    n_hand = len(rows)
    for level, channel, text in TEMPLATED:
        rows.append({"text": text, "level": level, "category": "none", "channel": channel})
    n_tmpl = len(rows) - n_hand

    # Rows that collide with the other corpus files are dropped (and reported),
    # so the training set never holds the same sentence twice.
    other = existing_keys()
    kept, dropped = [], []
    seen = {}
    for r in rows:
        assert set(r) == {"text", "level", "category", "channel"}, r
        assert r["level"] in LEVELS and r["channel"] in CHANNELS and r["category"] == "none", r
        assert r["text"] == r["text"].strip() and r["text"], r
        if r["channel"] == "voice":
            assert r["text"] == r["text"].lower(), r["text"]
            assert not re.search(r"[.,!?;:'\"]", r["text"]), r["text"]
        k = norm(r["text"])
        assert k not in seen, f"duplicate: {r['text']!r} / {seen[k]!r}"
        seen[k] = r["text"]
        if k in other:
            dropped.append(r["text"])
            continue
        kept.append(r)

    assert n_tmpl <= 0.25 * len(kept), (n_tmpl, len(kept))
    with OUT.open("w", encoding="utf-8") as f:
        for r in kept:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return kept, n_hand, n_tmpl, dropped


if __name__ == "__main__":
    kept, n_hand, n_tmpl, dropped = build()
    print(f"wrote {len(kept)} rows ({n_hand} hand-written, {n_tmpl} templated) to {OUT}")
    if dropped:
        print(f"dropped {len(dropped)} rows already present in {', '.join(OTHER_FILES)}:")
        for text in dropped:
            print("  ", text)
