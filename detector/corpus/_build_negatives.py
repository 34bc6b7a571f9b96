"""Build detector/corpus/negatives.jsonl: hand-written negatives and low-level rows.

Deterministic: no randomness. Every sentence below was written for this corpus.
Each block is one sentence per line; blank lines are ignored.
"""
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "negatives.jsonl"


def lines(block):
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip()]


SECTIONS = []  # (name, level, channel, [texts])


def add(name, level, channel, block):
    SECTIONS.append((name, level, channel, lines(block)))


# ---------------------------------------------------------------------------
# 1. Ordinary customer-service talk
# ---------------------------------------------------------------------------
add("cs", "none", "chat", """
Hi, I was charged twice for the same order this month, can you look into it?
My refund still hasn't shown up and it's been 12 working days.
Can I cancel order 000-4471 before it ships?
Where is my parcel?? Tracking says delivered but there's nothing at my door.
The kettle I bought stopped working after two weeks. I'd like a replacement please.
Internet has been down since 7am. Is there an outage in my area?
I forgot my password and the reset email never arrives.
My account got locked after I typed the wrong PIN three times.
I need to change the date on my hotel booking from Friday to Saturday.
Is it possible to add a second bag to my flight reservation?
Table for four on Thursday at 7:30 if you have it.
Hello, I'd like to make an insurance claim for water damage in my kitchen.
What's the early termination fee if I leave my phone contract now?
Please stop renewing my subscription, I've asked three times already.
I've moved house, how do I update my address on the account?
This is the worst customer service I have ever dealt with.
I'm so done with you people. Cancel everything.
yes
ok thanks
no that's all
order number is 000-4471
Thanks, that sorted it!
Can you tell me why my bill went up by £15 this month?
The app keeps logging me out every time I open it.
I was told someone would call me back yesterday. Nobody called.
How long does a refund take to go back onto a credit card?
The delivery driver left my package in the rain and the box is soaked.
I need a copy of my last three statements for a mortgage application.
My card was declined at the shop but I have plenty of money in the account.
Could you resend the confirmation email? I can't find it anywhere.
hi is anyone there
Do you deliver on Sundays?
The tracking number you sent me doesn't work on the courier's website.
Why does it say my payment failed when the money has left my account?
I want to speak to a manager. Now.
Absolutely ridiculous. Third time this week the broadband has dropped.
I ordered a blue jumper and got a green one in the wrong size.
Please can you confirm my booking reference is ABC000?
Is the sale price still valid if I order tonight?
The washing machine you installed is leaking all over the floor.
I've been on hold for 45 minutes, this is a joke.
Could I pay my bill in two instalments this month?
How do I turn off the auto top-up?
Sorry, I meant the other account, the one ending 0000.
My flight got cancelled and I need to rebook for tomorrow if possible.
Do I need to print the boarding pass or is the app fine?
My pharmacy order is missing one item.
can u check if my order shipped yet
The router lights are all flashing orange. What does that mean?
Your website won't let me log in, it just spins forever.
I'd like to downgrade to the basic plan please.
Can I get a receipt for my last payment for my expenses?
You charged me a late fee but I paid on time. I have the bank confirmation.
The hotel room had no hot water and I'd like a partial refund.
The food arrived cold and an hour late. Not impressed.
Can I change the name on the reservation to my colleague, Priya?
Is there a fee for paying by card?
My direct debit date doesn't suit me anymore, can it be moved to the 28th?
What's the status of claim 000-7782?
Your engineer didn't turn up for the appointment. I took a day off work for this.
I keep getting spam texts claiming to be from your bank, is that you?
Can you unlock my account? I've verified my ID already.
Thanks for your help today, much appreciated.
Great, so that's the refund processed then?
Just checking, will the replacement arrive before the weekend?
My new phone won't charge past 80 percent.
Can I return an item I bought in store through the website?
I want to close my savings account and move the money to my current account.
The parcel tracking has said "in transit" for nine days.
Do you price match?
The discount code isn't working at checkout.
I'm being billed for a TV package I never ordered.
I need to report a lost card.
Has my complaint been escalated or not?
This is the fourth time I've explained this to someone. Please read the notes.
Honestly, you lot couldn't organise a bake sale.
Cancel my membership immediately and confirm in writing.
Could I get a callback after 5pm? I'm at work until then.
The login code goes to my old phone number. How do I change it?
Is the gym open on bank holidays?
My electricity meter reading looks wrong on the bill.
How do I add my partner as a named driver on the car insurance?
The seat I paid extra for was given to someone else.
Is breakfast included in this room rate?
I was promised a £20 credit for the outage. Where is it?
Hiya, quick one: is my order 000-5520 coming today?
I received someone else's parcel, what should I do with it?
Two of the glasses in the set arrived smashed.
I can't find the cancel button anywhere in the settings.
The TV box keeps rebooting itself.
Why is the upload speed so slow? I pay for the top package.
Could you waive the fee this once? It was a genuine mistake.
Please remove my details from your marketing list.
I'd like to make a formal complaint about the agent I spoke to earlier.
Your chatbot is useless, get me a human.
I need to dispute a transaction I don't recognise.
My mortgage payment holiday ends next month, what happens then?
Does my travel insurance cover cancelled ferries?
I need to change the delivery address, I've moved in with my sister.
Can the courier leave it with a neighbour?
What time does your shop close today?
I paid for next-day delivery and it's been four days.
The sofa arrived with a tear in the fabric.
Hello? Are you still there?
Ok I've restarted it. Still no signal.
Yes I've tried turning it off and on again.
No, it's the landline, not the mobile.
The account is in my name, date of birth 01/01/1980.
Perfect, thanks so much for sorting that.
That's not what I asked.
I don't want a voucher, I want my money back.
Can I speak to someone in the Welsh language please?
Does the warranty cover accidental damage?
The charger that came with it doesn't fit the plug.
Could you email me the terms and conditions?
Why was my parcel returned to sender?
I booked a double room and you've given us twin beds.
Can I bring my dog on the train?
My e-ticket isn't scanning at the barrier.
Is there parking at the venue?
The restaurant charged a service fee that wasn't on the menu.
My insurance renewal quote doubled. Why?
You've spelled my surname wrong on the policy documents.
The roaming charges on my bill are insane, I had roaming turned off.
Can I transfer my number to a new provider?
I need my PAC code.
Just want to check my balance please.
Why is my account showing overdrawn when my salary went in yesterday?
The app update deleted all my saved cards.
Could you confirm the refund amount in writing?
I'm still waiting for the engineer visit that was promised for Monday.
Right, that's it, I'm taking my business elsewhere.
Seriously? Another price rise?
Cheers mate, appreciate it.
I'll wait for the email then. Bye.
One more thing, can I change my payment method too?
Sure, go ahead.
Not yet, still waiting.
Hmm, the code you gave me says expired.
My kids' tablet can't connect to the wifi but my laptop can.
The heating engineer said the boiler part is on back order. Any idea when?
Can I book a later check-out?
We need a cot in the room please.
How do I claim compensation for the delayed train?
I was overcharged for the taxi from the airport.
The gift card balance shows zero but I never used it.
I'd like to swap my order for a different colour.
The item says in stock but won't let me add it to the basket.
The invoice has the wrong VAT number on it.
Please send a replacement, not a refund.
I'm disabled and need the delivery brought inside, is that possible?
My landlord needs proof of my contents insurance.
How do I report a fault with the street light outside my house?
Can you confirm you received my documents?
This is the third parcel in a row that's been late. Sort it out.
I have been a loyal customer for 10 years and this is how you treat me?
It's not my fault your system is broken.
Why do I have to verify my identity every single time?
Your hold music is driving me up the wall.
Fine. Whatever. Just process the cancellation.
Do you have this in a size 12?
Could I get a quote for home insurance?
I need to update my email address, the old one is closed.
Can you split the bill between two cards?
Is my booking refundable?
Thank you, you've been really patient with me.
The cable company dug up my garden and left it like that.
My new SIM hasn't activated yet.
I'd like to pause my subscription for two months while I'm away.
How do I download my data?
There's a charge on my statement from you that I can't explain.
Yes that's the correct postcode.
Order 000-3309, the blender. Arrived broken.
Can I pick it up from the depot instead?
I've been cut off twice trying to reach you.
Is the outage fixed yet or not?
You said 24 hours. It's been 72.
Please don't transfer me again.
My grandmother can't use the online portal, can she pay by phone?
Is there a student discount?
I'm calling on behalf of my mum, she's given permission.
Could you add a note to the account that I'm hard of hearing?
Can I book a table by the window?
We're celebrating a birthday, could you bring a candle with the dessert?
My booking confirmation says 2 guests but we are 3.
The pool was closed for our entire stay and nobody told us.
Can you explain the charges on page two?
The bank transfer is showing as pending for three days now.
I'm trying to set up a standing order and it keeps failing.
Can you increase my credit limit?
I think my account has been hacked, there are logins from another country.
The parcel locker won't open with my code.
Why did my premium go up when I haven't claimed?
I want the name of the person I spoke to last time.
The technician was lovely, please pass on my thanks.
Can I rebook the eye test for next week?
The vet insurance claim form asks for a reference I don't have.
My order says dispatched but the courier says they never received it.
How do I cancel the free trial before it charges me?
Your terms say 14 days to return, it's day 13, so I'm within it.
The screen on my laptop has a line down the middle already.
You've sent me a bill for an account I closed in March.
I'd like to opt out of paper statements.
Is this number free to call?
Can I collect my prescription on Saturday?
The lift in the car park has been broken for weeks.
can i change my seat pls
thx for nothing
omg finally someone who knows what they're doing, thank you
wheres my refund
ive been waiting 3 weeks for this parcel its a joke
hi yeh my wifi is down again
the app wont load, says error 500
do u have my order or not
k
yep
nope
Yes please, go ahead and cancel it.
No thank you, I'll keep the current plan.
Sorry what was the reference again?
Could you spell that for me?
Which email did you send it to?
Your driver reversed into my gate.
Not happy at all. The bed frame was missing half the screws.
I've already sent the photos twice.
Is there a way to get the bill in large print?
How much is it to upgrade to fibre?
The installation date keeps getting pushed back.
My neighbour has internet and I don't, we're on the same street.
The voicemail on my phone stopped working after the update.
The restaurant booking app shows the wrong time for my reservation.
I want to cancel my car insurance as I've sold the car.
Can you send a courier to collect the faulty item?
I'll be honest, I'm furious. This has wasted my whole Saturday.
What on earth is this charge for £89.99??
Are you kidding me? Out of stock AGAIN?
Pathetic. Absolutely pathetic service from start to finish.
I swear this company gets worse every year.
Whoever designed this website needs a talking to.
Ridiculous. I'll be leaving a review about this.
Why is it so hard to give you my money?
I recieved the wrong item, can u send the right one asap
definately didnt order this, pls refund
my acount is locked and i cant get in
the delivery was ment to be today, whats going on
Can I speak to someone about a payment plan? Things are a bit tight this month.
Are you open on Christmas Eve?
Is my data allowance rolling over to next month?
Could you remind me when my contract ends?
The paperwork says Mr but I'm Ms, please correct it.
The hotel shuttle never showed up and we had to get a taxi.
I'd like to add travel insurance to my booking.
Can I get a refund for the concert that was postponed?
We'd like to move our wedding venue booking to next spring.
How do I claim on my phone insurance for a cracked screen?
Your agent hung up on me mid-sentence.
Oh brilliant, another automated message. Just what I needed.
Great job, you managed to lose my parcel twice.
Hello I am writing regarding invoice 000-2291 which remains unpaid on your side.
Kindly advise on the status of my replacement card.
Please be advised that I will be escalating this to the ombudsman.
I'd appreciate an update at your earliest convenience.
""")

add("cs", "none", "voice", """
um so so i was calling about my bill uh its wrong again
hi yeah im ringing because my internet keeps dropping out every evening
yeah hi um i need to cancel an order i placed yesterday
its the order ending four four seven one
uh yes thats right
no no thats all thanks
hello um i cant log in to my account it says its locked
so i ordered a fridge and it came with a big dent in the door
yeah i just want to know where my refund is its been like two weeks
um can i change my flight to the later one on sunday
i i want to talk to whoevers in charge please
this is the third time ive called about this and nobody has sorted it
hi there im calling to book a table for six on saturday night
yeah so the tracking says delivered but theres nothing here
ok so what do i do now
right ok thank you very much
sorry can you repeat that
uh the postcode is um hang on let me find it
yes its a monthly contract
i want to cancel my gym membership please
its the broadband its been off since this morning
um my card got declined but theres money in there
yeah the engineer never turned up i waited all day
no i dont want credit on the account i want a proper refund
so basically i moved house and i need to change the address on everything
um hi i think ive been charged twice for the same thing
is that is that the final price or is there vat on top
yeah go ahead
ok brilliant cheers
honestly this is the worst service ive ever had
im so fed up with you lot you never get anything right
the the app just keeps crashing when i try to pay
hi um my mum asked me to call she cant hear very well
i need to make a claim on my car insurance someone hit my car in the car park
can you tell me when my contract finishes
uh yeah the order number is zero zero zero five five two zero
so i got a text saying my payment failed but i dont know why
hiya um the heating isnt working and we had the boiler serviced last week
can i can i just check the booking is for two nights not three
yeah i booked a room with a sea view and we got the car park
um i dont understand this letter you sent me
the parcel came but the box was empty
whats the whats the cheapest plan you have
i need to report my card stolen
yes the last four digits are zero zero zero zero
no sorry that was the old address
hold on my other phone is ringing
right so youre saying it could be another five days
thats not good enough to be honest
ive been on hold for nearly an hour
why do i keep getting passed around
um so i wanted to upgrade my phone but keep my number
is there any way to get the late fee taken off
yeah i paid it on the fifth i have the confirmation
the driver just threw it over the fence
hi im calling about my insurance renewal it went up loads
um yeah the wifi works downstairs but not upstairs
so do i need to send it back or will someone collect it
can you email me that please
oh ok i didnt know that
no its fine dont worry about it
thank you youve been really helpful today
i i just want this sorted before the weekend
im ringing to cancel my subscription i dont use it anymore
um so my son ordered something on my account without asking can i cancel it
hello yes im calling about the reservation under the name sofia
we were meant to have a table at eight and theyre saying theres no booking
uh my train was cancelled and i want to claim the money back
my bank app says theres a pending payment i didnt make
can you unlock it please ive answered the security questions
oh for gods sake not this again
look i dont have time for this just fix it
can i pay over the phone
er what time do you close
yeah its for a cracked screen
so yeah thats basically it
""")

# ---------------------------------------------------------------------------
# 2. Bereavement paperwork and practical admin
# ---------------------------------------------------------------------------
add("bereave", "none", "chat", """
My father passed away in June and I need to close his current account. What documents do you need?
I'm the executor of my aunt's estate. How do I get a balance as at the date of death?
Do you need the original death certificate or will a certified copy do?
My husband died last month and the account is in his name. Can it be changed to mine?
I need to cancel my late mother's mobile contract. Is there an early exit fee?
Hello, I'm writing to notify you of the death of my grandfather, account holder for 000-2231.
Can the funeral director's invoice be paid straight from Dad's account?
Is there a bereavement team I can speak to about my wife's pension?
We've got the grant of probate now. What's the next step to release the funds?
How do I transfer my late partner's car insurance into my name?
I'd like to make a claim on my mother's life insurance policy. She died on the 3rd.
Could you stop sending letters addressed to my brother? He passed away in January.
Please cancel the TV licence for my father's flat, the property is now empty.
My wife passed away recently and I need to take over the energy account.
Do I have to pay the rest of the contract for someone who has died?
What's the process for closing a joint account when one holder has died?
I need a letter confirming my uncle's account balance for the probate application.
The funeral is next Tuesday. Can the refund from Mum's holiday booking go to my account?
Which of you deals with deceased customer accounts? I keep getting bounced around.
Could you send me a claim form for a death-in-service payment?
I have a copy of the will naming me as executor. Do you need to see it?
How long does it usually take to settle a deceased person's account?
I was told I could use the Tell Us Once service. Does that cover your company?
My grandmother died and she had a gym membership. Please cancel it.
Is there any help with funeral costs for people on low incomes?
My dad's streaming subscription is still charging his card. He died in March.
Our son died three years ago and we still get marketing emails addressed to him. Please remove him.
Could you confirm whether my late father had any other policies with you?
We are selling Mum's house after her death. Do we need to keep the buildings insurance running until completion?
I need to redirect my late sister's post to my address.
The bank froze my husband's account after he died and now the direct debits are bouncing. What should I do?
Do you accept an interim death certificate from the coroner?
What happens to the loyalty points on my late husband's account?
Can I keep my deceased wife's phone number and move it to my name?
Hi, I'm calling about a funeral plan my mother took out with you. She passed on Sunday.
How much does a basic cremation cost through your service?
Our cat died last week, so I'd like to cancel the pet insurance please.
Our old dog had to be put to sleep on Friday. Can you stop the monthly pet insurance payments?
The vet bill from before our rabbit died, can I still claim for it?
Please close the account for Max, our labrador. He passed away in his sleep.
My father-in-law died and we need to cancel his car finance agreement.
Do I have to inform you of a death within a certain time frame?
The estate is small, under the probate threshold. Can you release the money without it?
Could you backdate the cancellation to the date of death?
I'm handling the paperwork for my brother, who died abroad. The certificate is in Spanish. Is that ok?
My partner died and we weren't married. Can I still claim his pension?
How do I stop the council tax bill for my late mum's bungalow?
We need to close Nan's Christmas savings club account.
I'm the next of kin. Can you tell me what's owed on the credit card?
Will the debt on my late husband's credit card pass to me?
The solicitor has asked for a closing statement. Can you email it to them?
Can I have a copy of Dad's last six months of statements for the estate accounts?
What reference do I quote when I send in the death certificate?
I posted the death certificate two weeks ago, has it arrived?
Could you return the original documents once you've scanned them?
I need to cancel a hotel booking my mother made before she died. Is it refundable?
Dad had flights booked for May. Can we get a refund now that he's passed?
Is there a bereavement fare for flying to a family funeral?
My grandad's broadband is still active and no one lives there now. Please disconnect it.
We're organising the funeral and need to book a function room for about 40 people.
Can the flowers be delivered to the funeral home rather than the house?
I'd like to order a wreath for Thursday morning. Delivery to the crematorium.
The life insurance payout letter says "pending review". What does that mean?
Do you need proof that I'm the executor, or is the will enough?
""")

add("bereave", "low", "chat", """
My husband died last month and I'm trying to change the account name, but honestly I can barely keep my head above water with all this paperwork.
Sorry if I'm slow replying, I'm sorting out my dad's accounts and it keeps setting me off crying.
Mum passed three weeks ago and every phone call like this is so hard. I just need the account closed.
I'm finding it really hard to cope since my wife died, and now I have to deal with all these forms.
Every letter with his name on it breaks my heart a bit more. Please just update the records.
I don't know what I'm doing with any of this. My partner always handled the bills before he passed.
I've been crying on and off all morning reading through my mother's statements.
It's been two months since my son died and I'm still struggling to get through the days. Can you close his account please?
I feel completely overwhelmed. Five different companies, five different forms, and I'm grieving.
I'm sorry, I'm a bit of a mess today. It's the first anniversary of Dad's death and the insurer wants more documents.
Since Gran passed I haven't been sleeping and I keep forgetting things, so please bear with me.
The house is so quiet without her. Anyway, I need to move the gas account into my name.
I hate having to say "my late husband" out loud. It still doesn't feel real.
My dog died on Saturday and I've been in bits all weekend. I need to cancel the pet cover.
Losing our cat has hit me far harder than I expected. Please stop the insurance payments.
I'm exhausted and grieving and your system keeps rejecting the death certificate upload.
I've had to tell this story to six people today and every time it hurts all over again.
I can't stop thinking about the last conversation I had with my brother. Sorry, what was the question?
Since my mum died I've been struggling to focus on anything, even simple forms like this.
I'm so lonely since he died, and dealing with his accounts just makes it worse.
Honestly I'm falling apart a bit, but I need the joint account turned into a sole account.
It still hurts so much. She was only 52. What do you need from me to process the claim?
I just feel numb. The funeral was yesterday and now there's all this admin.
I'm barely holding it together since Dad went. Can someone just help me with the probate letter?
I keep picking up the phone to call her and then remembering. Sorry, I need to close her account.
My heart's broken since we lost our baby and I can't face the letters you keep sending. Please stop them.
""")

add("bereave", "none", "voice", """
um hi im calling because my dad passed away and i need to close his account
yeah so my mum died in april and ive got the death certificate here
i i need to cancel my late husbands phone contract please
hello um im the executor for my aunts estate
so we got probate last week what do you need from me now
yeah its about a life insurance claim for my father
my wife passed away and the gas bill is still in her name
um can the funeral bill be paid from his account
our dog died so i need to cancel the pet insurance
hi um my nan died and she had a catalogue account with you
do you need the original certificate or a copy
so how long does it take to release the money from the estate
yeah i sent the certificate in the post last tuesday
um i just need to stop the direct debit on my brothers account he passed away
im ringing to book the function room after the funeral on friday
""")

add("bereave", "low", "voice", """
sorry im um im finding this really hard my husband only died two weeks ago
i just i cant get my head around all these forms since mum went
im sorry im crying its just every call reminds me hes gone
since my wife died i can hardly get out of bed but i need to sort the bills
i feel so alone doing all this paperwork on my own
um sorry give me a second its still really raw
our cat died yesterday and im in pieces sorry i just need to cancel the insurance
i havent been sleeping since dad passed so i might get things muddled sorry
its been a month and i still feel numb i dont know what im doing with the estate
everything is just too much at the moment i lost my brother and now theres all this
""")

# ---------------------------------------------------------------------------
# 3. Idioms and figurative use of violent / death words
# ---------------------------------------------------------------------------
add("idiom", "none", "chat", """
I'm dying for a coffee, can you hurry up the order?
My phone died halfway through the payment so I don't know if it went through.
The battery is dead again and it's only a month old.
How do I kill the app when it freezes? Force close doesn't work.
Honestly my sister is killing it at her new job.
The commute this week has been absolutely murdering me.
Shoot me an email with the quote and I'll have a look tonight.
I could murder a burger right now.
I'm dead tired after the night shift, can we do this quickly?
Sat through a two-hour webinar on spreadsheets. Bored to death.
What's the deadline for submitting the claim form?
We've hit a dead end with the landlord, he won't reply.
Her speech at the wedding absolutely killed, everyone was in tears laughing.
I nearly died laughing when the dog stole the turkey.
Cancel my membership? Over my dead body, I love that gym.
My feet are killing me after that shopping trip.
You'll be the death of me, Jamal, honestly.
I'd kill for a week in the sun right now.
Break a leg at the audition tonight!
Went for a run to blow off some steam after work.
I'll take a shot at fixing it myself before I book an engineer.
Can you put the key points in bullet points for me?
Had an overdose of sugar at the birthday party, never again haha.
We've decided to cut the cable and go streaming only.
Sorry, I have to hang up, the doorbell is going.
Hang on a minute, let me grab my card.
Someone tried to jump the queue at the post office, the cheek.
We're looking at a bridge loan until the old house sells.
The bride looked drop dead gorgeous.
That's a killer deal on the TV, is it still available?
There's a dead zone in the back bedroom where the wifi never reaches.
Does the scooter have a kill switch if it tips over?
We sat on the porch and shot the breeze for hours.
If I have to reset this router one more time I'm going to lose my mind.
Ugh, kill me now, another meeting that could have been an email.
This tax form is going to be the death of me.
I died three times on that boss before I figured out the pattern.
The main character kills himself in the final episode of the show and I'm still not over it.
My laptop's on its last legs, it takes ten minutes to boot.
The printer is dead. Completely dead. Not even a light.
That new curry place is to die for.
The car died on the motorway and I'm waiting for recovery.
Our team got slaughtered 5-0 on Saturday.
She absolutely destroyed me at chess.
The heat in this office is killing me.
My back is killing me from this desk chair.
Your prices are daylight robbery.
That exam murdered me, I don't think I passed.
I'm drowning in emails after a week off.
The deadline's tomorrow so I'm going to be up late.
Please don't shoot the messenger, but the delivery's delayed again.
Let's not beat a dead horse, just refund me.
The price increase is the final nail in the coffin for me and your company.
Kill two birds with one stone: update my address and my card at the same time.
Can you stop the music on hold, it's killing my ears.
That joke went down like a lead balloon.
My plants are dead because I forgot to water them while on holiday.
I'm so hungry I could eat a horse.
The dead battery in the smoke alarm keeps beeping at 3am.
My grandad says he'll be dead and buried before you fix the road outside.
It was a total bloodbath at the sales this morning.
We got murdered on price by the competitor.
This spreadsheet is slowly killing my will to live, lol.
I'll fight you for the last slice of pizza.
She's got a killer sense of humour.
That joke was so bad it was almost criminal.
I'm going to strangle this printer if it jams one more time.
Our boss will kill us if we miss the launch date.
Mum's going to kill me when she sees the phone bill.
My dad will murder me if I scratch his car.
I'm shattered. Dead on my feet.
Time to kill before my train, any good coffee near the station?
We were just killing time at the airport.
This heatwave is killing my tomatoes.
The suspense is killing me, did the refund go through?
Curiosity killed the cat, but what's in the mystery box?
That outfit is drop-dead stunning.
This is a dead cert, the parcel will arrive tomorrow.
The town centre is dead on a Monday.
The line went dead, can you call me back?
Dead on time for once, well done to the bus.
I'm in a dead-end job but at least the pay's okay.
The old phone is dead as a dodo.
Our campaign was shot down by senior management.
He shot up the rankings after one good season.
She's a real straight shooter, you'll like her.
Take your best shot, I bet you can't guess my PIN.
Long shot, but do you have this in stock in Leeds?
I'll give it a shot and get back to you.
Call the shots, you're the customer.
They got fired up about the new policy.
I got fired from my Saturday job, time to look for a new one.
The price is a steal.
I'm going to hang the picture this weekend.
Hang tight, I'll transfer you to billing.
Don't leave me hanging, did the booking go through?
Can you hang on while I check with my husband?
I hung up by accident, sorry.
The phone keeps cutting out, I'll call back.
I'd cut my own hair but I don't trust myself.
I'm going to cut my losses and sell the car.
We need to cut corners on the budget this year.
Jump on a call with me at 3?
The price jumped by 20 percent overnight.
I jumped at the chance to upgrade.
Don't jump down my throat, I'm only asking.
That horror film scared me to death.
He scared the life out of me creeping up like that.
I was frozen to death at the football last night.
She's worried sick about the exam results.
I'm sick to death of these adverts.
I'm sick and tired of waiting for this refund.
This ironing pile is never-ending, it'll outlive me.
My inbox is a massacre after the holidays.
The rollercoaster nearly finished me off, never again.
The stairs at the new flat are going to be the end of me.
Work has been absolutely brutal this week.
Those lemon bars are lethal, I ate six.
This chilli sauce is deadly, I'm sweating.
My roommate is a lethal weapon in the kitchen, everything burns.
I'm going to kill this presentation tomorrow.
We killed it at the pub quiz, first place!
The comedian absolutely slayed last night.
Slay, queen, love the new haircut.
He murdered that karaoke song, and not in a good way.
That bass line is sick.
We need a kill list of features we're dropping from the app.
Kill the lights on your way out please.
Can you kill the background process that's hogging memory?
How do I kill a stuck print job on Windows?
The server process got killed by the out-of-memory handler.
Terminate the contract at the end of the month please.
Execute the payment on the first of each month.
The executioner in the game respawns every five minutes.
My character got one-shotted by a sniper, so annoying.
We wiped on the raid boss six times last night.
Permadeath mode is brutal, I lost a 40-hour save.
The zombie level is impossible, I keep getting eaten.
My Sims died in a kitchen fire because I forgot to buy a smoke alarm.
The villain gets killed off in season two, no spoilers beyond that.
In the book the detective realises the butler was murdered.
We watched a murder mystery at the theatre, it was brilliant.
Just finished a true crime podcast about a 1920s poisoning.
Our murder mystery dinner party was hilarious.
Romeo and Juliet both die at the end, the play is 400 years old, that's not a spoiler.
The Lion King still makes me cry when Mufasa dies.
The dog dies in the film, so I'm not watching it.
The phone's charging port is dead, can I get it repaired?
My bank card is dead, the chip won't read.
The pen died mid-signature.
The remote's batteries died, so the TV is stuck on the shopping channel.
The car battery died overnight because I left the lights on.
Speakers are blown, the sound crackles.
That website is a death trap of pop-up ads.
This pothole is a death trap for cyclists, can the council fix it?
The smoke alarm is screaming because I burnt the toast.
The fire drill nearly gave me a heart attack.
Your bill nearly gave me a heart attack.
I almost had a stroke when I saw the price.
I'm going to have a meltdown if this page reloads again.
My brain is fried after that exam.
I'm running on fumes today.
I'm totally wiped out after the move.
Burnt out? More like burnt to a crisp, need a holiday.
Sorry, dead phone, can you text the code again?
I'll be dead to the world by 9pm tonight.
That's dead easy, thanks for explaining.
You're dead right, the date was wrong.
Dead funny, the cat fell off the sofa mid-video.
This film was killer, five stars.
What a killer view from the hotel room.
Our killer app this year is the new budget planner.
The new feature is a total game killer, nobody uses it.
Dead air on the radio for five minutes this morning, was there an outage?
It's a dead giveaway that it's a scam email, look at the spelling.
My houseplant is clinging on for dear life.
Hold on for dear life, this bus driver is wild.
The ending of that match was heart-stopping.
The cliffhanger at the end of the episode killed me.
Those puns are murder, Dad, please stop.
He's a killjoy, he won't let us play music in the office.
That's a shot in the dark, but is it under warranty?
Fire away, I'm listening.
They bombed at the talent show, poor lads.
The new album bombed in the charts.
The product launch was a bit of a car crash.
It was a trainwreck of a meeting.
Knock 'em dead at the interview tomorrow!
Shoot, I forgot my password again.
Shoot, wrong account. Let me try the other one.
Oh shoot, I left the oven on.
Well, that killed the mood.
I'm going to crash out on the sofa as soon as I'm home.
We crashed at my mate's place after the gig.
The website crashed when the tickets went on sale.
My laptop crashed and I lost two hours of work.
The stock price tanked after the announcement.
I'm so full I'm going to explode.
My head's going to explode if I hear that jingle one more time.
The washing machine exploded bubbles all over the kitchen floor.
This job is a real grind.
I'd rather die than wear matching outfits for the family photo, lol.
I'd sooner eat my own hat than pay that for a sandwich.
Dinner was a massacre, the kids demolished everything.
My toddler is a tiny tyrant, he ran me ragged today.
The gym class today absolutely annihilated my legs.
Leg day nearly finished me off.
Spin class is torture but I keep going back.
I was choking on my tea when I read that email.
I choked in the final and missed the penalty.
The traffic was murder this morning.
Don't kill yourself trying to finish it tonight, Friday is fine.
Don't work yourself to death over the report, it's only a draft.
Just shoot me a message when you're free.
Your price checker is killing it, saved me £30.
""")

add("idiom", "none", "voice", """
um im dying for a cuppa so can we be quick
yeah my phone died so i couldnt answer when you rang
the battery is completely dead again
my feet are killing me i was stood up all day at work
honestly this traffic is murdering me
honestly i could murder a chippy tea after today
im dead tired sorry if i sound a bit slow
so the line went dead and i had to call back
the car died on me at the petrol station
my boss will kill me if i miss this meeting
shoot me an email with the details yeah
hang on a sec let me grab a pen
uh hang on im just putting you on speaker
sorry i i have to hang up in a minute the kids are home
it was so funny i nearly died laughing
if i have to restart this thing one more time im going to lose it
kill me now i have to do my tax return tonight
honestly these forms are going to finish me off
ive died like ten times on this level
we got absolutely slaughtered in the match on sunday
the heat in here is killing me
my back is killing me from all the driving
its a dead zone in the kitchen theres no signal at all
that was a killer deal i had to buy two
cancel it over my dead body ive paid for the whole year
the kids will be the death of me i swear
yeah i need to kill some time before my appointment
were just shooting the breeze while we wait
i took a shot at fixing it but made it worse
the printer is dead as a doornail
we cut the cable months ago we only stream now
um can we do it in bullet points so i can write it down
she smashed it at her exams so proud of her
my mum is going to kill me when she sees this bill
im sick to death of waiting in for engineers
its dead quiet in the shop today
the app just dies every time i open the camera
um can you kill the old account and keep the new one
the waiting is killing me has the money gone in yet
im so tired im running on empty
the old router is on its last legs
this hot weather is killing my lawn its all brown
i was bored to death in that queue
the smoke alarm went off and nearly gave me a heart attack
the remote died so im stuck on the news channel
im shattered absolutely dead on my feet
""")

# ---------------------------------------------------------------------------
# 4. Negated or reassuring mentions about oneself
# ---------------------------------------------------------------------------
add("negation", "none", "chat", """
No, I'm not thinking of harming myself, I'm thinking of moving to another broadband provider.
Haha no, I'm not going to throw myself off anything over a late parcel. Just tell me when it's coming.
Ha, don't panic, I'm not going to top myself over a parking fine. I just want to appeal it.
Relax, "kill me now" was a figure of speech. The meeting was just boring.
When I said this form was killing me I meant it's long, not anything serious lol.
Lol no, not literally dying, just really want my coffee order.
To answer your question: yes, I'm safe, I just need my password reset.
Yes I'm fine, thanks for asking. The issue is the router.
I'm okay, honestly. It's the billing error that's the problem.
No, nobody is hurt, the car just won't start.
Nobody's in danger, it's just a leak under the sink.
The chatbot asked if I was okay because I wrote "dead". I meant the battery.
Your system flagged my message? I said my plant died, not me.
I said "I'm dead" because the video was funny. I'm perfectly alive, promise.
Not suicidal, just sarcastic. Can we get back to my refund?
No I won't be jumping off a bridge over this, but I will be leaving a one-star review.
I'm not going to do anything daft, I'm just going to switch supplier.
Don't worry, no one's killing anyone, it's a game we play online.
The "murder" in my message was about the murder mystery party booking.
Don't read into it, I'm just tired and grumpy today.
I'm not hurting myself, I'm hurting my wallet with these prices.
Nah I'm fine, just hangry. Where's my pizza?
Your agent asked if I needed support. Kind, but no, I just need the invoice.
I'm not in any danger, I just locked myself out of the app.
No thanks, I don't need the wellbeing line, I need the billing team.
I'm alright, cheers. Just need the delivery slot changed.
Not harming anyone, just harming my diet with this takeaway haha.
The only thing getting killed today is this subscription.
I wouldn't off myself over a phone bill, don't worry, but I'm not paying it.
I'm not going to jump, I'm going to complain. Loudly.
lol no im not gonna kms over a late train, just want the refund
Honestly no, it's not that kind of stress. Just the normal end-of-month kind.
Yes I'm safe at home, thank you. The power cut is the only issue.
No emergency, just a question about opening hours.
It's not urgent, it can wait till Monday.
You don't need to escalate anything, I'm just venting about the wait times.
I don't want to hurt anyone, I just want my deposit back from the landlord. Ha.
Nobody's going to die if the sofa comes a day late, it's fine.
Don't worry, I'm not about to do anything drastic like switching to your competitor... yet.
I'm fine, the crying emoji was about the price of the tickets.
I'm not down, I'm just busy. Can we do this by email?
No need to check on me, the "help" was about the login page.
When I said I'm done I meant done with this contract, not anything else.
The "end it all" in my message was about ending all my subscriptions, sorry for the confusion.
I meant I want to kill the standing order, not anything dramatic!
I promise I'm ok, I just type in caps when I'm annoyed.
My mental health is fine, my broadband's mental health is not.
No I'm not having a breakdown, my car is. Recovery please.
Nope, not self-harming, just clumsy with the kitchen knife. Anyway, about the plaster order...
No thoughts of anything like that, I'm just really cross about the refund.
Nah not depressed mate, just sick of the rain.
Safe and sound, just need the Wi-Fi password for the hotel.
I'm not trying to kill myself, I'm trying to kill this pop-up ad.
""")

add("negation", "low", "chat", """
Don't worry, I'm not suicidal or anything, I'm just so fed up and worn down by all of this.
I'd never do anything to hurt myself, but I'm honestly at the end of my rope with this debt letter.
I'm not going to do anything stupid, I promise, I just need someone to actually help me sort this.
I want to be clear I'm safe, I'm just really upset and stressed about the eviction notice.
It's not like I'd harm myself, I'm just exhausted from fighting with you every month.
I'm not thinking of ending anything, I'm just tired and sad and I need this fixed.
Please don't worry, I'm not a danger to myself, I've just had the worst week of my life.
I know I sound upset. I'm not going to hurt myself, I'm just overwhelmed with the bills.
I'd never take my own life, I have my kids, but this stress is crushing me.
Honestly I'm not suicidal, just really low and worn out since the redundancy.
I'm not going to harm myself, I just feel like I'm drowning in all of this paperwork.
You don't need to send anyone, I'm safe. I'm just crying because I'm so stressed.
I'm not in danger, I just needed to talk to someone because I feel really alone today.
No, I wouldn't do anything to myself. It's just been a really hard few months.
I'm ok, I'm not going to do anything, I just can't stop crying about losing the house.
Don't worry about me doing anything silly, I'm just frustrated and sad.
I'd never hurt myself, but I feel like I'm falling apart with everything going on.
I'm safe, I promise. I'm just really anxious about the money and I can't think straight.
I know how that sounded. I'm not going to harm myself, I'm just at my wits' end.
I'm not suicidal, I'm heartbroken. My marriage ended and now the accounts need splitting.
I'm not going to do anything to myself, I just wanted to hear a kind voice to be honest.
Not thinking of hurting myself, don't worry. I'm just so stressed I've been shaking all morning.
I want to say I'm not at risk, but I'm struggling and the debt collectors won't stop calling.
It's not that I want to hurt myself, I'm just so tired of everything going wrong.
I'd never do that to my family, I'm just having a really rough time with all of this.
Don't panic, I'm not going to do anything. I'm just very sad and very tired.
I'm fine safety-wise, I'm just lonely and this is the only conversation I've had all week.
I used to self-harm years ago but I'm not doing that now, I'm just stressed about this bill.
I'm not going to hurt myself, I just get panicky when the money runs out like this.
Please don't escalate anything, I'm safe. I'm just finding it hard since my divorce.
I promise I'm not going to do anything, I've just been crying since I opened the letter.
I'm not in a dark place like that, just a really stressful one.
I'm honestly not going to harm myself, I just don't know how I'll pay the rent this month.
I'm safe, but I'm really struggling to keep on top of things since I got ill.
No I'm not suicidal, just so burnt out I can barely think.
""")

add("negation", "none", "voice", """
no no im fine im not hurting myself i just want to change my plan
ha no im not gonna do anything daft over a parking ticket just want to appeal it
yeah yeah im safe its just the boiler thats broken
no when i said kill me i just meant the meeting was boring
nah im alright mate just want the bill sorted
im not in any danger its just the car wont start
no emergency um just a question about my order
lol no im not dying its the phone battery thats dying
""")

add("negation", "low", "voice", """
im not going to do anything to myself dont worry im just really really stressed
i wouldnt hurt myself i just um i dont know how im going to pay all this
no im safe im just crying because its been such an awful week
im not suicidal or nothing im just tired of fighting with everyone
sorry im upset but im not going to do anything silly i promise
i would never hurt myself i just feel so alone with all this
""")

# ---------------------------------------------------------------------------
# 5. Suicide / self-harm as a topic, not personal risk
# ---------------------------------------------------------------------------
add("topic", "none", "chat", """
I'm running a half marathon in October to raise money for a suicide prevention charity. Can I add a donation link to my order confirmation page?
Can you sponsor our office 10k? All proceeds go to a mental health and suicide prevention charity.
I volunteer on a listening helpline two evenings a week and need to change my shift pattern on the rota app.
Does your company offer paid volunteering days? I'd like to train as a crisis line volunteer.
We watched a documentary last night about suicide among farmers. Really eye-opening.
The news had a story today about rising suicide rates among young men. Worrying stats.
Our school had an assembly on mental health and self-harm awareness this morning.
I'm writing my dissertation on suicide prevention in rural communities. Can I request access to your public reports?
I just finished a novel where the narrator's brother died by suicide. Heavy but beautifully written.
September is suicide prevention awareness month, so our team is doing a bake sale.
I'm a nurse and we had mandatory training on self-harm and safeguarding today.
As a GP receptionist I've been on a course about responding to callers who mention suicide.
Can I book the meeting room for a suicide prevention training session next Wednesday?
We're printing posters for World Suicide Prevention Day. Can you quote for 200 A3 prints?
Our charity shop raises funds for a bereaved-by-suicide support group. Do you do business rates relief?
I'd like to order 50 of the yellow ribbon pins for our awareness stall.
The film deals with self-harm really sensitively, I'd recommend it to parents.
Is the episode about the character's suicide attempt suitable for a 14-year-old? There's a content warning.
I work in a pharmacy and we've started a programme to reduce paracetamol overdoses. Can you send the leaflets?
Our union is campaigning for better mental health support to reduce suicide in construction.
My daughter is doing a school project on the history of the Samaritans.
The podcast had an interview with a suicide prevention researcher. Fascinating stuff.
Can I get an invoice for the mental health first aid course we booked?
The book club picked a memoir about recovering from self-harm. Looking forward to discussing it.
I'm a teacher and our safeguarding training covered self-harm warning signs in teenagers.
There's a walk this Sunday in memory of people lost to suicide. Is the park car park open?
Our company signed a pledge on workplace suicide prevention today.
Can we put a suicide prevention helpline number on our staff intranet? Who approves that?
I'm a journalist and I follow the media guidelines on reporting suicide. Could I speak to your press office?
We're fundraising for a suicide prevention charity with a sponsored silence at school.
The radio phone-in today was about men's mental health and suicide. Good discussion.
I coach a football team and we did a session on mental health and suicide awareness with the lads.
My friend is doing a skydive for a charity that supports people who self-harm. Sharing her page!
The theatre production is about a family after a suicide. Are there any accessible seats left?
Can you recommend a good book on the psychology of self-harm for a psychology A-level student?
I'm a paramedic; part of our CPD this year is on suicide risk assessment.
The council is installing barriers on the bridge as a suicide prevention measure, according to the local paper.
Our research group studies online self-harm communities and content moderation.
Could you sponsor a table at our mental health charity's gala dinner?
We had a guest speaker at work who talked about losing her brother to suicide. Very brave.
I'm doing a sponsored cycle from coast to coast for a suicide prevention charity, any discounts on bike hire?
Is there a trigger warning at the start of that series? It has a self-harm storyline.
The policy paper on suicide prevention was published today, can you send me the PDF link?
I've signed up to be a peer supporter at university, we've got training on self-harm next week.
Our church runs a drop-in for people bereaved by suicide. Can we book the hall on Tuesdays?
I run a podcast about mental health and we're recording an episode on suicide prevention.
The museum exhibit included letters from soldiers and a section on shell shock and suicide after the war.
History homework: why was suicide once a crime in England? Anyone know when that changed?
In the play, Ophelia's death is ambiguous, and the class debated whether it was suicide.
My sociology essay compares the classic theories of why suicide rates differ between societies.
The app has a new feature that links to crisis support if someone searches for self-harm content.
As a moderator I have to review posts flagged for self-harm content, and we got new guidelines today.
Can you confirm our donation to the suicide prevention charity went through? Receipt number 000-8841.
I'd like to set up a monthly donation to a self-harm support charity.
We're organising a memorial football match for a former teammate who died by suicide years ago. Can we book the pitch?
Our HR team is rolling out a suicide postvention policy. Does your training cover that?
My mum volunteers at a crisis text line and loves it.
The article about self-harm in prisons was really well researched.
I'm studying psychiatric nursing; this module covers suicide and self-harm assessment.
Does your insurance policy cover counselling for staff after a colleague's suicide?
We're producing a short film on suicide prevention for teenagers. Can we film at your café?
The charity asked us to share their suicide prevention campaign on our social media.
A statistics question: are suicide rates higher in winter or spring? Doing a presentation.
The TV soap did a storyline about self-harm and put a helpline number at the end.
Can you stock the book on suicide prevention that was reviewed in the paper this week?
I'm a pharmacist attending a workshop on medication safety and overdose prevention.
Our pub quiz raised £400 for a men's suicide prevention charity!
My cousin works as a crisis counsellor, she says the night shifts are the busiest.
Could our team wear the charity's t-shirts for the suicide awareness fun run on Friday?
There's a lecture at the library on the history of asylums and self-harm treatment.
We're translating suicide prevention leaflets into Polish for a community group. Can you quote?
As a social worker I write risk assessments that include self-harm history. Is your form template editable?
Anyone else watching the documentary on the helicopter rescue teams? The episode on the cliff rescue was intense.
I'm a police call handler and we had training on handling calls about suicide threats.
Our company's wellbeing week has a session on recognising self-harm in colleagues.
My daughter's university sent an email about suicide prevention resources for freshers.
We're hosting a candle-lighting vigil for suicide prevention day. Can we buy tealights in bulk?
The government announced new funding for suicide prevention services today.
A character in the video game self-harms as part of the story, and the studio added a support link. Nice touch.
I'm proofreading a leaflet about self-harm for a youth charity. Do you offer a design service?
I'm raising money for a suicide prevention charity by shaving my head. Barber booking please!
Our student union is running a "talk to someone" campaign on suicide prevention.
The poet read a piece about her father's suicide. The whole room went silent.
I lead a support group for parents whose children self-harm. We need a room on Thursdays.
Could you send me a link to the self-harm awareness e-learning for our staff?
The crime drama had a scene of an attempted suicide and a helpline number afterwards.
My thesis examines online safety regulations around pro-self-harm content.
Is the charity run for suicide prevention still going ahead if it rains?
""")

add("topic", "none", "voice", """
um hi im calling about the charity run its for a suicide prevention charity
yeah i volunteer on a helpline so i need evenings off on tuesdays
so we watched this documentary about suicide in the farming community last night
i work in a school and we had training on self harm today
um can i book the hall for our suicide prevention awareness event
im a nurse and we did a course on self harm and safeguarding
yeah im doing a sponsored walk for a mental health charity can you sponsor me
the news this morning was about suicide rates going up its really sad
uh my daughters doing a project on the samaritans for school
so the film has a suicide in it is it ok for my fourteen year old
im a paramedic and we had our suicide risk training last week
yeah i i want to set up a donation to a suicide prevention charity
were organising a memorial match for a lad who died years ago can we book the pitch
the podcast i listen to had a whole episode on self harm recovery really good
um im a teacher and were doing mental health week with the kids
i need posters printed for world suicide prevention day
my sister volunteers on a crisis line and shes looking for a new phone contract
""")

# ---------------------------------------------------------------------------
# 6. Social-media style ordinary chatter
# ---------------------------------------------------------------------------
add("social", "none", "chat", """
this song slaps so hard i've had it on repeat all day
im dead 💀 that video of the goat screaming is hilarious
lmao i'm deceased, the cat really just walked off the table
monday again already?? who approved this
first coffee of the day hits different ☕
cannot believe we lost to a last-minute own goal #matchday
exam tomorrow and i've learnt nothing, wish me luck 📚
the bus driver waited for me today, faith in humanity restored
new trainers arrived and they're even better in person 😍
pizza for dinner three nights in a row, no regrets
someone explain why the self-checkout always needs assistance
@jess_bakes your lemon cake was unreal, send the recipe pls
sunday roast with the fam, perfect day
my cat has decided 5am is breakfast time. i did not agree to this
who else is watching the final tonight? 🍿
just did my first 5k without stopping!! 🏃‍♀️
the group chat is unhinged today lmao
if you need me i'll be asleep until tuesday
why is it raining again, it's literally july
new phone who dis
currently procrastinating by reorganising my spice rack
dead 💀💀 my little brother tried to rap at the wedding
this meme is killing me 😂
crying at this dog video, he's so happy to see his owner 😭
that plot twist had me screaming
omg i'm literally screaming, she said yes!!
not the printer jamming on the day of my deadline 🙃
another day another spreadsheet
i'm so tired i put the milk in the cupboard and the cereal in the fridge
manifesting a long weekend ✨
anyone got recs for a good thriller? just finished my last book
that concert last night was everything 🎶
the traffic on the ring road is a war crime
my group project partner has ghosted us 3 days before the deadline lol
shoutout to the barista who spelled my name right for once
homemade ramen turned out fire 🔥
this heat is unreal, i'm melting
why does every bank holiday weekend rain, genuine question
just got my results back and i passed!!! 🎉
when the wifi drops mid ranked game >>>
i have never related to a tweet more
the cat sat on my keyboard and sent my boss "jjjjjjjjj"
gym at 6am? who am i
back to reality after the best holiday 😩
football was robbed today, that was never a penalty
ref needs his eyes tested #VAR
season finale tonight and i'm not emotionally prepared
just watched the whole series in one weekend, no thoughts just vibes
hot take: pineapple belongs on pizza
the way my mum texts is so chaotic 😂
my plants are thriving and honestly so am i
lowkey proud of myself for cooking a proper dinner
highkey need a nap
that's so real
no bc why is this so accurate
it's giving main character energy
she ate and left no crumbs
this album is a masterpiece, no skips
bruh the wifi is slower than my nan
why do my headphones always die when the good song comes on
my laptop died mid-essay and autosave was off. pray for me lol
parents evening survived 🙌
just saw the cutest dog on the tube, made my whole day
commute went smooth for once, suspicious
finally finished the 1000 piece jigsaw 🧩
can't believe it's already december
new hair who dis 💇‍♀️
happy birthday to my best friend, love you loads @amira_k
weekend plans: sofa, blanket, snacks
trying a new running route tomorrow, wish my knees luck
made banana bread, house smells amazing
lol my dad just discovered voice notes, send help
i'm in my soup era
the sunset tonight was unreal 🌅
car passed its MOT first time, miracles do happen
pub quiz champions baby 🏆
spent 40 minutes choosing a film and then fell asleep
that exam was brutal, i need a week off to recover
tired of people who reply "k"
is it socially acceptable to eat cereal for dinner at 30? asking for me
the office microwave queue is a social experiment
the way my cat judges me when i eat crisps
dentist said my flossing is "adequate" and i'm taking that as a win
rewatching my comfort show for the 9th time
i have been awake for 20 hours and i'm running on vibes
my toddler just called the dog "mister" and honestly respect
the new season of that baking show is so wholesome
ok but why is everyone at the supermarket at the exact same time as me
cried at the end of the film, no shame
aaaand the washing machine just died. love that for me
the football group chat is in shambles after that result
this playlist is carrying my whole shift
someone please invent a coffee that makes itself
first day at the new job tomorrow, nervous but excited
moving day was chaos but we're in 📦
the neighbour's dog barks at pigeons like they owe him money
just spent £9 on a sandwich. sigh
honestly my phone is at 2% and so am i
saw a fox on the way home, so majestic
when you find a fiver in an old coat >>>
i'm obsessed with this new podcast
nothing says adulthood like getting excited about a new hoover
my fantasy football team is a disaster
just booked a holiday for next spring, something to look forward to ✈️
the bakery had run out of croissants. devastating
sorry for the spam, just excited about the gig
who decided meetings at 4:55pm on a friday were acceptable
the way i screamed when my team scored 😭
dead at this reply 💀
i can't breathe this thread is too funny
rip to my phone screen, dropped it again
rip my bank balance after that shopping trip
rip my sleep schedule
gone but not forgotten: my favourite crisps they discontinued
pour one out for my headphones, lost them on the train
fully dead after that hike, worth it though
he's dead to me after spoiling the ending lol
this lasagna is to die for
my sister just destroyed me at mario kart again
that episode was insane, the ending killed me
can't stop laughing, i'm actually dying 😂
the vibes at this festival are immaculate
another rainy bank holiday, classic
my flatmate labelled the milk. the war has begun
new record on the rowing machine 💪
just remembered i have a dentist appointment tomorrow, ugh
the cafe playlist today is all 2000s bangers
got a parking ticket for being 3 minutes late. cool cool cool
hosting my first dinner party tonight, send good vibes
exam season is making me feral
grandma learned to use emojis and now every message has a 🍆 in it. someone help her
just found out the kebab shop does delivery now, this is dangerous
normalise leaving the party early
Monday mood: coffee in one hand, existential dread about emails in the other
can't decide between pasta or curry, this is my biggest problem today
my cat knocked a glass off the counter while making eye contact. villain
bored out of my mind on this train delay 🚆
finally watched that film everyone's been on about, overrated tbh
wow that goal in the 90th minute, i'm not okay 😭⚽
update: the cake collapsed but it still tasted good
study date at the library, who's in
petition to make friday a permanent bank holiday
my neighbour's music is terrible but i respect the commitment
""")

# ---------------------------------------------------------------------------
# 7. Low-level distress without any wish to die
# ---------------------------------------------------------------------------
add("distress", "low", "chat", """
Since my wife passed I've struggled to get up in the mornings, everything feels heavy.
Everything is going wrong this month, the car, the boiler, and now this bill.
I've been so lonely since I moved here for work, I don't know anyone.
I feel completely overwhelmed with work and the kids and now this payment mix-up.
I used to self-harm when I was a teenager but I've been doing well for years now.
I had a really bad patch a few years ago, including a suicide attempt, but I've had lots of support and I'm in a good place now.
I've been crying a lot lately and I don't really know why.
Honestly I'm just so stressed I can't sleep. The debts keep piling up.
I miss my dad so much. It's been six months and it still hits me every day.
I'm really struggling since the breakup. The flat feels so empty.
I feel like I'm failing at everything at the moment.
Work has been relentless and I'm completely burnt out.
I'm so anxious about this court date I've been feeling sick all week.
Sorry, I'm not having a great day. Everything feels like a lot right now.
I haven't spoken to another person in three days apart from you.
It's been a rough year. I lost my job and my mum got ill.
I feel really low today, just one of those days where nothing goes right.
The divorce has knocked me for six, I can't concentrate on anything.
I'm grieving my grandmother and I keep bursting into tears at work.
I've been feeling really down since I had the baby, the health visitor is coming on Monday.
My anxiety is through the roof with all these bills coming in.
I'm so tired of always being the one holding everything together.
I haven't been eating properly since my friend died.
The loneliness gets worse at weekends when everyone's with their families.
I'm so stressed about money I feel like I'm going to be sick.
My nerves are shot after the burglary, I jump at every noise.
I just feel sad all the time since my best friend moved abroad.
It's the first Christmas without Mum and I'm dreading it.
I've been off work with stress and I'm worried about my sick pay.
I feel like I'm drowning in responsibilities at the moment.
I'm under so much pressure at uni I keep having panic attacks.
Sorry for the long message. I'm just overwhelmed and I don't know where to start.
I'm really homesick and struggling to settle into the new city.
I've had a horrible week and this is the last straw, I'm just so upset.
Since the redundancy I feel useless and a bit lost.
I cried in the car park before coming in today. Just a lot going on.
My mental health has taken a real knock this year, I'm seeing my GP about it.
I'm on a waiting list for counselling and some days are harder than others.
I struggled with self-harm in my twenties but I've been free of it for a long time now.
I went through a really dark time after my dad died, but I'm getting there with therapy.
I've been feeling flat and unmotivated for weeks, nothing seems fun anymore.
My husband is in hospital and I'm on my own with three kids, I'm exhausted.
I feel so isolated working from home every day.
I can't stop worrying about my son, he's been in hospital for a week.
Since my diagnosis I've been anxious and tearful a lot of the time.
I'm caring for my mum full time and I'm running on empty.
I'm heartbroken. We had to give up our dog because of the new tenancy.
I've been bottling everything up and today it all just came out.
I've had a miscarriage and I'm finding everything really hard.
I'm not coping brilliantly with the move, I feel really unsettled.
I'm scared about the future with all these job cuts.
I've been having a hard time since the accident, I keep going over it in my head.
Some days I just feel really empty since my partner left.
I'm so ashamed that I've got behind on payments, I've never been in debt before.
I'm embarrassed to even ask, but I'm really struggling to afford food this week.
I've been so stressed that my hair is falling out.
My grief comes in waves and today is a big wave.
I haven't left the house much since my husband died, it's all a bit much.
I'm lonely. That's the honest answer to "how are you".
Everything feels grey since the winter started.
I'm so tired of feeling like this, I've booked a doctor's appointment.
I feel like I've got no one to talk to since the move.
My exams went badly and I feel like I've let everyone down.
I'm a mess today, sorry. My dog died this morning.
I used to cut myself when I was at school, but that was a long time ago and I've got better ways of coping now.
I had an overdose years ago, I'm telling you only because it's on my medical file, I'm well now and just need the insurance form.
I've had depression on and off for years, it's managed now but this month has been tough.
Sorry if I sound upset. It's the anniversary of my brother's death today.
I'm just really overwhelmed with caring for Dad and working full time.
I've been feeling hopeless about finding a job, I've had thirty rejections.
I'm stressed out of my mind trying to get this visa sorted.
I cry every time I open the post at the moment.
My friends all seem to have moved on and I feel left behind.
The house feels so empty since the kids moved out.
I've been having nightmares since the fire.
I feel totally alone with all of this.
I'm having a rough patch but I'm talking to my GP about it.
My therapist says I'm doing well, but this week has set me back a bit.
I can't seem to shake this sadness since the funeral.
I'm so overwhelmed that I just sat in the kitchen and cried for an hour.
Since losing my job I've felt really down on myself.
I'm struggling to cope with my mum's dementia, she didn't recognise me today.
My partner and I split up and I'm barely sleeping.
I'm lonely since my husband went into the care home.
I feel like everything is falling apart this month.
I'm grieving my best mate and work expects me to just carry on.
Everything just feels like too much at the minute, I'm so tired.
The stress of this renovation is making me ill.
I've been sad and tearful ever since the miscarriage, my midwife is aware.
""")

add("distress", "low", "voice", """
um sorry im just really stressed at the moment everything is going wrong
since my wife passed i can hardly get myself up in the mornings
ive been so lonely since the move i dont really know anyone round here
i i just feel really overwhelmed with everything this month
sorry im crying its just been a horrible week
i used to self harm when i was younger but im doing loads better now
i miss my mum so much its been a year and it still hurts
im just so tired of everything going wrong you know
um i havent really talked to anyone in days
im really struggling with money and its making me so anxious
since i lost my job i feel a bit useless to be honest
im caring for my dad and im just exhausted all the time
ive been feeling really low lately but im seeing the doctor next week
my husband left and im finding it really hard on my own
sorry i get a bit upset my dog died last week
i had a bad time a few years back but im in a much better place now
im just so stressed i cant sleep i keep worrying about the bills
the house is so quiet since the kids left im really lonely
its the anniversary of my dads death today so im a bit all over the place
everything feels like too much right now sorry
""")

# ---------------------------------------------------------------------------
# Extra hand-written rows
# ---------------------------------------------------------------------------
add("negation", "none", "chat", """
My message got flagged? I wrote "shoot me a text", not anything worrying.
No, I don't feel unsafe. I feel underpaid and overcharged, which is different.
I'm not thinking about hurting myself, I'm thinking about hurting your ratings with a bad review, haha.
"Dead inside" was a joke about Mondays, please don't send me a leaflet.
Fine, not in crisis, just in the queue. Which is its own kind of crisis lol.
All good here, no risk, just confused by the new tariff.
I'm perfectly safe, the only thing on fire is my toast.
Don't worry, the "overdose" was on chocolate at Easter.
Yes, I'm okay, I was asking about the helpline for my volunteering shifts, not for me.
""")

add("negation", "low", "chat", """
I won't do anything to myself, I just really need a break from all of this.
I'm not going to hurt myself, I just feel so let down by everyone at the moment.
Honestly I'm not thinking of anything like that, I'm just really low and fed up.
I'd never go down that road, but I've been crying most days this month.
""")

add("negation", "low", "voice", """
no no im not going to harm myself i just feel like im drowning in all this
dont worry about me doing anything i just needed to get it off my chest
""")

add("topic", "none", "chat", """
Any good documentaries on the history of mental health care? Not the one about suicide, we've seen it.
Our team is taking part in the Out of the Darkness style walk next month. What's the dress code for the fundraiser?
I'm a researcher analysing anonymised helpline call data for patterns in self-harm disclosures.
My book group just read a novel about a teenager's self-harm and recovery. Great discussion last night.
Can I get the accessibility guide for the suicide prevention conference venue?
As a pharmacist, I'm updating our overdose prevention leaflet. Can you reprint 300 copies?
The TV drama tonight has a suicide storyline, they've put the helpline details on the website.
We're doing a coffee morning for a self-harm awareness charity. Do you sell urns for hire?
""")

add("topic", "none", "voice", """
yeah so im a crisis line volunteer and i need to change my shift
um we are raising money for a suicide prevention charity with a bake sale
the documentary on self harm in schools was really good did you see it
""")

add("distress", "low", "voice", """
im just not sleeping since the breakup and its all getting on top of me
um i feel really on my own since my husband died
sorry im just stressed out of my mind with work at the moment
i had a hard time with self harm years ago but im fine now i just need to tell the insurer
""")

add("bereave", "none", "chat", """
Do you offer a discounted rate on the wake catering for 30 people?
My late father's season ticket, can it be refunded or transferred to me?
Could the bereavement payment be sent to the estate account rather than to me personally?
""")

add("bereave", "low", "chat", """
It's been a horrible few weeks since Mum went, and sorting her phone contract is the last thing I can face.
I'm really struggling since my husband died, and I don't understand half of these forms.
""")


add("cs", "none", "voice", """
hi um i think i left my wallet on the train yesterday who do i speak to
so the the bill says ninety pounds but normally its about forty
yeah its about the sofa it still hasnt been delivered
er can i just double check what time my appointment is tomorrow
i need to pay my council tax but the website keeps timing out
hiya is that the booking line for the restaurant
yeah we need a high chair as well if thats ok
um sorry i was cut off a minute ago i was talking to a lady called nina
i want to know why ive been put on the more expensive tariff
theres no dial tone on the landline at all
um my daughter is away at uni and she cant get into her bank app
yeah so i got an email saying my account was closed but i never closed it
my car insurance documents still have my old address on
can you tell me if the pharmacy has my prescription ready
i was just wondering if you do gluten free options
whats the whats the best way to complain
i dont want to upgrade i just want the price to go back down
um so i returned the dress three weeks ago and no refund yet
its not loading on my phone or my laptop
no sorry i dont have the reference on me right now
""")

add("idiom", "none", "voice", """
my phone was on one percent and then it just died
ugh shoot i left my glasses upstairs hang on
the battery on the doorbell thing is dead again
we got battered on saturday three nil
oh the kids are going to kill me i forgot to record their show
i was bored out of my skull on that course
the queue at the post office was murder this morning
shes absolutely smashing it at her new job
honestly i died when i saw the price of the tickets
my legs are dead after the gym
the game keeps killing my character in the same spot
the line just went dead again can you hear me now
""")

add("distress", "low", "voice", """
um sorry ive just had a really bad week and im a bit teary
ive been really anxious since the burglary i dont sleep much
my son is in hospital and im just all over the place
im lonely to be honest my daughter lives miles away
""")

add("bereave", "none", "voice", """
yeah hi i need to cancel my late fathers newspaper delivery
um im calling to let you know my mum passed away last week she had a credit card with you
""")

add("topic", "none", "voice", """
yeah were doing a fun run for a mental health charity at work
um i saw a film about a lad who self harmed and it was really well done
""")

# ---------------------------------------------------------------------------
# Slot-filled templates (kept well under 25% of the file). Deterministic:
# slots are paired by index arithmetic, never at random, and every slot value
# is a multi-word phrase so no two rows differ by a single word.
# ---------------------------------------------------------------------------
TEMPLATED = []  # (level, channel, text)


def pair(a, b, step):
    """Deterministically pair list a with list b using a stride."""
    return [(a[i], b[(i * step) % len(b)]) for i in range(len(a))]


CS_OPEN = [
    "Hi there,", "Hello,", "Hiya,", "Good morning,", "Afternoon,", "Hey,",
    "Hi, sorry to bother you,", "Quick question:",
]
CS_ISSUES = [
    "my order 000-1182 still hasn't arrived and it was due Tuesday",
    "the broadband drops every night around 9pm",
    "I've been billed for two phone lines but I only have one",
    "I need to move my booking at the spa to the following weekend",
    "the replacement headphones you sent have the same fault",
    "my online banking says my device isn't recognised",
    "I'd like to cancel the magazine subscription before the next issue",
    "the bathroom fitter left without finishing the tiling",
    "can you tell me how much is left on my phone contract",
    "the train ticket I bought online never came through by email",
    "I was promised a refund for the cancelled gig but nothing's arrived",
    "the seat reservation on my ticket is for a carriage that doesn't exist",
    "your website charged me in euros instead of pounds",
    "my parcel was marked as signed for by someone called Bob, I don't know a Bob",
    "I need to update the registration on my car insurance after changing plates",
    "the table we booked for Friday needs to be for eight now, not six",
    "my energy bill estimate is way higher than my actual readings",
    "the hotel has charged my card a deposit twice",
    "I can't download my boarding pass, the button is greyed out",
    "the loyalty points from my last shop haven't appeared",
    "my claim reference 000-6610 has been 'in progress' for a month",
    "the coffee machine I bought leaks from the bottom",
    "my landline has a crackle on it that makes calls impossible",
    "I'd like a copy of my policy schedule sent by post",
    "the app says my password is wrong even after resetting it",
    "the courier wants me to pay customs fees I wasn't told about",
    "I've been sent a final demand for a bill I've already paid",
    "the engineer left a hole in the wall where the old socket was",
    "my childminder payments aren't showing on the tax-free childcare account",
    "I accidentally booked two rooms instead of one",
    "the cinema charged me for four tickets and we only got three",
    "I want to switch my direct debit to a different bank",
    "the delivery slot I chose has vanished from my account",
    "my new glasses have the wrong prescription in the left lens",
    "I need to add my daughter to the family phone plan",
    "I think the meter reader put down the wrong numbers",
]
CS_CLOSE = [
    "Can you help?", "What are my options?", "Thanks in advance.",
    "Please let me know what happens next.", "Not impressed, to be honest.",
    "Could someone get back to me today?", "Cheers.",
    "I'd appreciate a quick reply.", "This is getting really frustrating.",
]
for i, (issue, close) in enumerate(pair(CS_ISSUES, CS_CLOSE, 4)):
    opener = CS_OPEN[(i * 3) % len(CS_OPEN)]
    text = f"{opener} {issue}. {close}"
    TEMPLATED.append(("none", "chat", text))

# Angry complaint template: complaint + consequence (no violence)
ANGRY_A = [
    "Three hours on hold and you cut me off",
    "You've lost my parcel AGAIN",
    "I've explained this to five different people",
    "Your engineer stood me up for the second time",
    "You took the money and sent nothing",
    "The app has been broken for a week",
    "Your so-called 'express' delivery took nine days",
    "Every month the bill is different",
    "I asked for a callback four times",
    "You charged me a cancellation fee for cancelling within the cooling-off period",
    "The manager promised me compensation and then disappeared",
    "You sent the wrong size for the third time",
    "The outage has lasted longer than my last holiday",
    "Your chat bot keeps sending me in circles",
]
ANGRY_B = [
    "and honestly I'm done with this company.",
    "so I'm switching providers the minute my contract ends.",
    "and I want this escalated to someone senior right now.",
    "which is frankly unacceptable.",
    "and I'll be posting about it everywhere.",
    "so don't bother sending me another survey.",
    "and I'm taking this to the ombudsman.",
    "and I expect a full refund, not an apology.",
]
for a, b in pair(ANGRY_A, ANGRY_B, 3):
    TEMPLATED.append(("none", "chat", f"{a} {b}"))

# Voice CS template
V_OPEN = ["um", "uh yeah", "hi um", "yeah hi", "hello so", "right so", "um hi yeah", "so um"]
V_ISSUES = [
    "my parcel was meant to come yesterday and it still hasnt",
    "the wifi keeps cutting out when i try to watch anything",
    "ive got a letter saying i owe money but i paid it",
    "i need to change my booking to next month",
    "the washing machine you delivered wont drain",
    "my bank card isnt working in any of the cash machines",
    "i want to cancel the streaming thing i signed up for",
    "the heating engineer was supposed to come at nine",
    "theres a charge on my statement i dont recognise",
    "i cant get into my account it keeps asking for a code",
    "the phone you sent me has a crack in the screen",
    "we booked a table for tonight and i need to add two people",
    "my flight was delayed by six hours and i want to claim",
    "i need to change the name on the bill to my partners",
    "the tv box has been stuck on a black screen since last night",
    "i was told id get a refund in five days and its been ten",
    "the delivery man left my shopping on the wrong doorstep",
    "i think my direct debit has gone out twice",
    "ive moved flat and i need the broadband moved with me",
    "the glasses i ordered havent turned up",
    "my insurance renewal has gone up by like two hundred quid",
    "the hotel didnt have our booking when we turned up",
    "i i need to get a copy of my bill sent to my new email",
    "my mum cant log in to her pension account and asked me to help",
    "the app took the money but the order never went through",
    "the roof repair claim has been open for ages",
    "i need a new sim because mine stopped working",
    "i ordered a double mattress and they brought a single",
    "the gym is still taking money after i cancelled",
    "my electric meter stopped showing anything on the screen",
]
V_TAIL = [
    "can you help", "what do i do", "its really annoying", "can someone sort it",
    "i just want it fixed", "whats going on", "and nobodys called me back",
    "can you check for me please", "its the second time now", "ive had enough to be honest",
]
for i, (issue, tail) in enumerate(pair(V_ISSUES, V_TAIL, 3)):
    opener = V_OPEN[(i * 5) % len(V_OPEN)]
    TEMPLATED.append(("none", "voice", f"{opener} {issue} {tail}"))

# Idiom + request template (chat)
IDIOM_A = [
    "My feet are absolutely killing me after a double shift",
    "I'm dying for a cup of tea",
    "This heat is murder",
    "I'm dead on my feet today",
    "My phone's about to die",
    "I'd kill for a day off",
    "This queue is going to be the death of me",
    "Bored to death of waiting",
    "My laptop battery's completely dead",
    "The kids are driving me round the bend",
    "My head's killing me from staring at the screen",
    "I'm shattered, honestly dead tired",
    "This traffic is slowly murdering me",
    "The suspense is killing me",
    "I could murder a sandwich",
    "Ugh, kill me now, the printer's jammed again",
    "This paperwork will be the end of me",
    "My back is killing me",
    "I'm frozen to death at this bus stop",
    "I've been going out of my mind with this router",
    "My tablet died overnight",
    "Sick to death of the hold music",
    "My wifi's in a dead zone upstairs",
    "I nearly died laughing at your autocorrect",
    "Your chatbot is killing me with these questions",
    "Dead tired after moving house",
    "My car battery died in the supermarket car park",
    "I'm drowning in boxes after the move",
]
IDIOM_B = [
    "so can you just tell me if my parcel is coming today?",
    "so please keep this quick.",
    "can you resend the code by email instead?",
    "is there any chance of a refund before Friday?",
    "so could someone call me back tomorrow?",
    "any update on my claim?",
    "so just cancel the order and I'll buy it in store.",
    "can you confirm the booking went through?",
    "what's the fastest way to reset my password?",
    "is the outage in my area fixed yet?",
    "can you move my delivery to the weekend?",
    "just tell me what the charge on my bill is for.",
    "could you email me the invoice?",
    "do I need to restart the router again?",
]
for i, (a, b) in enumerate(pair(IDIOM_A, IDIOM_B, 5)):
    sep = ", " if i % 3 else " - "
    TEMPLATED.append(("none", "chat", f"{a}{sep}{b}"))

# Idiom + request template (voice)
IDIOM_VA = [
    "um my feet are killing me", "im dying for a brew", "my phone is nearly dead",
    "honestly this weather is killing me", "im dead tired sorry", "the suspense is killing me",
    "my laptop just died on me", "the battery in the car died", "im bored to death of this queue",
    "my back is killing me from the drive", "this form is going to be the death of me",
    "i could murder a takeaway", "kill me now ive got another meeting in five",
    "my tablet died halfway through", "theres a dead zone in my flat",
    "my mum will kill me if i dont sort this", "i nearly died laughing at the hold music",
    "this router is driving me mad",
]
IDIOM_VB = [
    "so can we be quick", "can you just text me the code", "is my order coming today",
    "did the payment go through", "can you call me back later", "whats happening with my refund",
    "can you send a new one", "can you book the engineer", "can i change the delivery day",
    "is the internet fixed yet",
]
for a, b in pair(IDIOM_VA, IDIOM_VB, 3):
    TEMPLATED.append(("none", "voice", f"{a} {b}"))

# Bereavement admin template (chat)
BER_WHO = [
    "My mother passed away on the 12th",
    "My grandad died last week",
    "My husband passed in the spring",
    "My brother died suddenly in March",
    "Our aunt passed away recently",
    "My father died at the weekend",
    "My wife passed away after a long illness",
    "My stepdad died last month",
    "My godmother died and I'm her executor",
    "My partner passed away in January",
    "Our neighbour died and I'm helping her family",
    "My uncle passed away in hospital on Monday",
    "My mother-in-law died in the autumn",
]
BER_TASK = [
    "and I need to close her current account",
    "and I'd like to cancel his broadband contract",
    "so could you tell me what documents you need for the life insurance claim",
    "and I need the energy account moved into my name",
    "so please stop the monthly direct debit",
    "and I need a statement for the probate valuation",
    "so how do I cancel the mobile contract without a penalty",
    "and I want to transfer the car insurance to myself",
    "so where do I send a copy of the death certificate",
    "and I need to know if there's any money owed on the account",
    "so can you redirect the post to my address",
]
for a, b in pair(BER_WHO, BER_TASK, 4):
    TEMPLATED.append(("none", "chat", f"{a}, {b}."))

# Topic template (chat)
TOPIC_WHO = [
    "Our office", "My running club", "The sixth form", "Our choir", "My cycling group",
    "The rugby team", "Our book club", "My daughter's Brownie pack", "The local allotment society",
    "Our family",
]
TOPIC_DO = [
    "is doing a sponsored walk for a suicide prevention charity next month",
    "has organised a quiz night to raise money for a self-harm support charity",
    "is taking part in a 24-hour relay for a mental health helpline",
    "is running a cake stall for suicide prevention awareness week",
    "is fundraising so the local crisis line can train more volunteers",
    "is hosting a talk from a suicide prevention trainer on Thursday",
]
TOPIC_ASK = [
    "Can you print us some banners?", "Could you sponsor us?", "Is the community hall free that day?",
    "Do you offer charity discounts?", "Can we put a collection tin by your till?",
]
for i, (who, do) in enumerate(pair(TOPIC_WHO, TOPIC_DO, 1)):
    ask = TOPIC_ASK[(i * 2) % len(TOPIC_ASK)]
    TEMPLATED.append(("none", "chat", f"{who} {do}. {ask}"))

# Low distress template (chat): stressor + feeling (no wish to die)
LOW_A = [
    "Since the redundancy", "Ever since my mum's funeral", "Since we split up",
    "With the rent going up again", "Since my dog died", "Since moving to a new city",
    "With my dad in hospital", "Since the baby arrived", "Since the flood damaged the house",
    "Since losing my grandma",
]
LOW_B = [
    "I've felt really low and I can't seem to get motivated, so sorry if I'm slow with this.",
    "I've been so lonely and on edge, and this billing mess is the last thing I need.",
    "I've barely been sleeping and I'm struggling to keep on top of the admin.",
    "I feel overwhelmed most days, so can you explain the form in simple steps?",
    "I've been tearful and exhausted, and I just need this account sorted.",
    "I've felt completely flat, so forgive me if I repeat myself.",
    "I keep losing track of the post, which is how this payment got missed.",
    "I've been anxious all the time and the phone calls make it worse.",
    "I've felt really alone, and dealing with all this on my own is hard.",
    "my head's been all over the place, so please bear with me.",
]
for a, b in pair(LOW_A, LOW_B, 3):
    TEMPLATED.append(("low", "chat", f"{a} {b}"))


# ---------------------------------------------------------------------------
# Assemble, validate, write
# ---------------------------------------------------------------------------
LEVELS = {"none", "low"}
CHANNELS = {"chat", "voice"}


def norm(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def build():
    rows = []
    for _name, level, channel, texts in SECTIONS:
        for t in texts:
            rows.append({"text": t, "level": level, "category": "none", "channel": channel})
    n_hand = len(rows)
    for level, channel, t in TEMPLATED:
        rows.append({"text": t, "level": level, "category": "none", "channel": channel})
    n_tmpl = len(rows) - n_hand

    seen = {}
    for r in rows:
        assert r["level"] in LEVELS and r["channel"] in CHANNELS, r
        assert r["text"] == r["text"].strip() and r["text"], r
        if r["channel"] == "voice":
            assert r["text"] == r["text"].lower(), r["text"]
            assert not re.search(r"[.,!?;:'\"]", r["text"]), r["text"]
        k = norm(r["text"])
        assert k not in seen, f"duplicate: {r['text']!r} / {seen[k]!r}"
        seen[k] = r["text"]

    assert n_tmpl <= 0.25 * len(rows), (n_tmpl, len(rows))
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows, n_hand, n_tmpl


if __name__ == "__main__":
    rows, n_hand, n_tmpl = build()
    print(f"wrote {len(rows)} rows ({n_hand} hand-written, {n_tmpl} templated) to {OUT}")
