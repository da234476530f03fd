import { pageErrorMessages } from "./page-error";
import workspaceEn from "./workspace.en";
import editorEn from "./editor.en";
import moderationEn from "./moderation.en";
import signersEn from "./signers.en";
import factsEn from "./facts.en";
import updatesEn from "./updates.en";
import type { Widen } from "./widen";

const en = {
  meta: {
    siteName: "Cut Ties",
    tagline: "Tell tech companies to stop powering immigration enforcement.",
  },
  nav: {
    home: "Campaigns",
    skip: "Skip to content",
    language: "Language",
    otherLanguage: "Español",
  },
  home: {
    heading: "Tech companies sell the tools of deportation. Tell them to cut ties.",
    intro:
      "Every campaign here names a company, says what it sells to ICE or CBP, and links to where each fact comes from. Sign, confirm by email, and share.",
    liveCampaigns: "Live campaigns",
    none: "No live campaigns right now.",
    target: "Target: {targets}",
    read: "Read and sign",
    readPledge: "Read and pledge",
  },
  campaign: {
    target: "Target",
    targets: "Targets",
    ask: "The ask",
    story: "Why",
    petition: "Petition",
    pledge: "Pledge",
    recentSigners: "Recent signers",
    recentNone: "Be the first to {kind, select, pledge {pledge} other {sign}} publicly.",
    organizer: "Cut Ties organizers",
    runBy: "Run by {organizer}.",
    delivered: "What {targets} receives: the count, and names only if you tick the box to show yours.",
    signedHere: "{kind, select, pledge {You took this pledge} other {You signed this campaign}} on this device.",
    signedHereLink: "See your thank-you page and personal link",
    status: {
      closed: "This campaign is closed. Thank you to everyone who {kind, select, pledge {pledged} other {signed}}.",
      won: "We won! {targets} met the demand. Thank you to everyone who {kind, select, pledge {pledged} other {signed}}.",
      draft: "This campaign is a draft and not public yet.",
    },
  },
  // Counts in words: each noun follows the campaign's kind (kind: petition | pledge).
  progress: {
    count: "{kind, select, pledge {{count, plural, one {# pledge} other {# pledges}}} other {{count, plural, one {# signature} other {# signatures}}}}",
    goal: "Goal: {goal, number}",
    label: "{count, number} of {goal, plural, one {# {kind, select, pledge {pledge} other {signature}}} other {# {kind, select, pledge {pledges} other {signatures}}}}",
    // The word after the big number.
    noun: "{kind, select, pledge {{count, plural, one {pledge} other {pledges}}} other {{count, plural, one {signature} other {signatures}}}}",
    goalInline: "goal {goal, number}",
    invite: "{goal, plural, one {Be the first.} other {Be one of the first #.}}",
    toGo: "{remaining, number} more to reach {goal, number}.",
    countedOnConfirm: "{kind, select, pledge {Your pledge counts} other {You are counted}} once you confirm by email.",
  },
  form: {
    heading: "Add your name",
    pledgeHeading: "Take the pledge",
    fullName: "Full name",
    email: "Email",
    emailHint: "We send one email to confirm your {kind, select, pledge {pledge} other {signature}}.",
    postalCode: "Postal code (optional)",
    postalCodeHint: "Lets organizers see where support comes from. Never shown, never delivered.",
    optionalFields: "More (optional): postal code, comment, updates",
    showName: "Show my first name and last initial on this page",
    wantsUpdates: "Email me updates about this campaign",
    updatesConsent:
      "I agree to receive emails from the organizers of this campaign about it. I can unsubscribe at any time with one click.",
    comment: "Comment (optional)",
    commentHint: "Up to 500 characters.",
    submit: "Sign",
    pledgeSubmit: "I pledge",
    submitting: "Sending…",
    privacy:
      "We never show your email or postal code. Your name stays private unless you tick the box. You can delete your data at any time.",
    honeypot: "Leave this field empty",
    checkEmailTitle: "Check your email",
    checkEmail:
      "We sent a link to the address you gave. Open it and press the button to confirm: your {kind, select, pledge {pledge} other {signature}} counts once you do. Nothing arrived? Look in spam; the link can take a few minutes.",
    shareWhileWaiting: "While you wait, share the campaign:",
    sentTo: "We sent a link to {email}. Opening it and pressing the button is the last step: {kind, select, pledge {your pledge counts} other {you are counted}} once you confirm.",
    checkSpam: "Nothing arrived after a few minutes? Look in spam.",
    wrongAddress: "Wrong address? Fix it",
    fixIntro: "{kind, select, pledge {Pledge} other {Sign}} again with the right address. A wrong one is never counted and is deleted after 30 days.",
    rateLimitedFor: "Too many {kind, select, pledge {pledges} other {signatures}} from your connection or address just now. You can try again {when}.",
  },
  errors: {
    invalid: "Please check the highlighted fields.",
    not_found: "We could not find that campaign.",
    gone: "The moderators removed this campaign. It can no longer be signed.",
    closed: "This campaign is no longer collecting signatures.",
    frozen: "Signing is paused on this campaign for now. Nothing was saved: please come back later.",
    rate_limited: "Too many signatures from your connection or address just now. Please wait a few minutes and try again.",
    unauthorized: "Please sign in first.",
    forbidden: "You are not allowed to do that.",
    conflict: "That changed while you were working. Please reload and try again.",
    too_large: "That request is too large. Send only the signature's fields.",
    unsupported_media_type: "Send the signature as JSON, with the header Content-Type: application/json.",
    unexpected: "Something went wrong on our side. Your signature was not lost: please try again in a minute.",
    unavailable: "We can’t reach our database for a moment, so this was not saved. Please try again in a few seconds.",
  },
  // The errors the sign form can show, in the campaign's words (kind: petition | pledge).
  // A petition's wording is errors.<code>'s, word for word; errors.* stays the one table
  // for the API and every other form, which do not know a campaign.
  signErrors: {
    closed: "This campaign is no longer collecting {kind, select, pledge {pledges} other {signatures}}.",
    rate_limited: "Too many {kind, select, pledge {pledges} other {signatures}} from your connection or address just now. Please wait a few minutes and try again.",
    unexpected: "Something went wrong on our side. Your {kind, select, pledge {pledge} other {signature}} was not lost: please try again in a minute.",
  },
  fields: {
    fullNameRequired: "Enter your full name.",
    fullNameTooLong: "Use at most 100 characters.",
    fullNameUnsafe: "A name cannot start with = + - @ or contain a web address.",
    emailInvalid: "Enter an email address like name@example.com.",
    postalCodeInvalid: "Use letters, digits, spaces and dashes only (at most 12).",
    commentTooLong: "Use at most 500 characters.",
    fullNameCharacters: "Your name contains control or text-direction codes that cannot be shown. Please type it again.",
    emailTooLong: "That address is too long: at most 64 characters before the @ and 254 in all.",
    commentInvalid: "Write your comment as text.",
    commentCharacters: "Your comment contains control or text-direction codes that cannot be shown. Please type it again.",
    checkboxInvalid: "Answer yes or no.",
    bodyInvalid: "Send the signature as a JSON object of its fields.",
    bodyTooComplex: "Send only the signature's fields, each a plain value.",
  },
  confirm: {
    title: "Confirm your {kind, select, pledge {pledge} other {signature}}",
    intro: "One last step: press the button to confirm your {kind, select, pledge {pledge} other {signature}} on “{title}”.",
    button: "Confirm my {kind, select, pledge {pledge} other {signature}}",
    confirmedTitle: "Thank you, your {kind, select, pledge {pledge} other {signature}} counts",
    confirmed: "Your {kind, select, pledge {pledge} other {signature}} on “{title}” is confirmed.",
    alreadyTitle: "Already confirmed",
    already: "This {kind, select, pledge {pledge} other {signature}} was already confirmed. Nothing more to do.",
    invalidTitle: "This link does not work",
    invalid:
      "The confirmation link is incomplete or has expired (links last 7 days). If you {kind, select, pledge {pledged} other {signed}} more than 30 days ago and did not confirm, please {kind, select, pledge {pledge} other {sign}} again.",
    backToCampaign: "Back to the campaign",
    yourNumber: "You’re #{n, number} — help reach {goal, number}",
    signAgain: "{kind, select, pledge {Pledge} other {Sign}} again here and we send you a new link:",
    publicHeading: "What others will see",
    signedAs: "You {kind, select, pledge {pledged} other {signed}} as {name}.",
    showName: "Show my name as “{publicName}” on the campaign page",
    private: "Your email address and postal code are never shown. Untick the box and your name stays private too.",
    notYou:
      "Not your name? Someone else may have typed your address. {kind, select, pledge {Pledge} other {Sign}} again on the campaign page with your own details: they replace these until you confirm.",
    changed: "The details of this {kind, select, pledge {pledge} other {signature}} changed after you opened this page. Check them below and press the button again.",
    closedTitle: "This campaign has closed",
    closed:
      "“{title}” stopped collecting {kind, select, pledge {pledges} other {signatures}} on {date}. Confirmations more than {hours, plural, one {# hour} other {# hours}} after it closed no longer count. Thank you for caring all the same.",
    closingNote: "This campaign closed on {date}. You {kind, select, pledge {pledged} other {signed}} in time: confirm before {deadline} and your {kind, select, pledge {pledge} other {signature}} counts.",
  },
  share: {
    heading: "Share this campaign",
    personal: "Your personal link",
    personalHint: "{kind, select, pledge {Pledges} other {Signatures}} that come through your link are counted as yours.",
    link: "Campaign link",
    copy: "Copy link",
    copied: "Link copied",
    email: "Email",
    whatsapp: "WhatsApp",
    x: "X",
    facebook: "Facebook",
    message: "{kind, select, pledge {I pledged} other {I signed}}: {title}. Add your name:",
    neutralMessage: "{title}. Add your name:",
    personalHeading: "Share your link",
    native: "Share…",
    sms: "Text message",
  },
  footer: {
    about: "Cut Ties is a campaign tool of the No Tech 4 ICE movement. No trackers, no third-party scripts.",
    privacy: "We keep as little as we can: IP addresses only as keyed hashes, names public only by choice, unconfirmed signatures deleted after 30 days.",
  },
  privacy: {
    link: "Privacy and your data",
    title: "Privacy and your data",
    intro: "People who sign here may be immigrants. We keep as little as we can, and nothing that could hurt anyone if it were handed over.",
    stored: "What we keep when you sign",
    storedItems: [
      "Your name and email, to count one signature per person and to send the confirmation link.",
      "Your postal code and comment, only if you give them.",
      "Whether you chose to show your name (first name and last initial) and whether you asked for updates, with the words you agreed to and when.",
      "A keyed hash of your IP address, never the address itself, to stop abuse.",
    ].join("\n"),
    notStored: "We use no trackers, no analytics and no third-party scripts. Confirmation links are stored only as hashes.",
    retention: "Signatures that are never confirmed are deleted after 30 days.",
    retentionConfirmed: "Confirmed signatures are kept while the campaign runs and as its record afterwards, until you delete them (see below): there is no other deletion date yet.",
    referralHeading: "Who recruited whom",
    deliveredHeading: "What is delivered to the company",
    referral: "When you sign through someone’s personal link, we store which signature’s link brought you (who recruited whom), to count each person’s shares. It is never shown publicly.",
    delivered: "What a campaign’s target receives: the number of confirmed signatures, and names (first name and last initial) only of people who ticked the box. Emails and postal codes are never delivered.",
    deleteHeading: "Deleting your data",
    deleteBody: "You can delete every signature made with your email address at any time. We email that address a link; pressing the button on the linked page deletes them, and the counts go down.",
    deleteLink: "Delete my data",
    deleteTitle: "Delete your data",
    deleteIntro: "Enter the email address you signed with. If it signed anything here, we send it a link that deletes every signature made with it.",
    deleteSubmit: "Email me the link",
    deleteSent: "If this address signed any campaign here, we have sent it a link. It works for 24 hours. Nothing else is needed from you on this page.",
    deleteConfirmIntro: "Press the button to delete every signature made with your email address. This cannot be undone.",
    deleteConfirmButton: "Delete all my signatures",
    deletedTitle: "Your data is deleted",
    deleted:
      "{count, plural, =0 {There were no signatures made with your address left to delete.} one {We deleted # signature made with your address, and the count was adjusted.} other {We deleted # signatures made with your address, and the counts were adjusted.}}",
    deleteInvalid: "This deletion link does not work: it is incomplete, already used, or older than 24 hours. You can ask for a new one.",
  },
  // The share image (app/[locale]/(public)/campaigns/[slug]/opengraph-image.tsx).
  shareImage: {
    alt: "Campaign card: {title}. {kind, select, pledge {Pledge} other {Petition}} to {targets}. Goal: {goal, number} {kind, select, pledge {pledges} other {signatures}}.",
    fallbackAlt: "Cut Ties: tell tech companies to stop powering immigration enforcement.",
    goal: "Goal: {goal, number} {kind, select, pledge {pledges} other {signatures}}",
  },
  mailCapture: {
    notice: "Mail is not being sent: this server is in mail-capture mode.",
  },
  // A campaign the moderators took down: its address answers 410 Gone with this.
  gone: {
    title: "Campaign removed",
    body: "The moderators removed this campaign. It can no longer be signed.",
  },
  notFound: {
    title: "Page not found",
    body: "We could not find that page.",
    // The public API's answer to an address it does not have.
    api: "There is nothing at this address in the API. See /api/v1/campaigns.",
  },
  pageError: pageErrorMessages.en,
  // The emails (emails/*.tsx), under the same translation check as the pages.
  emails: {
    footer: {
      why: "You are getting this email because this address was entered on a Cut Ties {kind, select, pledge {pledge} other {petition}}.",
      delete: "Delete my data",
    },
    greeting: "Hi {name},",
    greetingNoName: "Hi,",
    confirmation: {
      subject: "Confirm your {kind, select, pledge {pledge} other {signature}}: {title}",
      preview: "One step left: confirm your {kind, select, pledge {pledge} other {signature}} on “{title}”.",
      heading: "Confirm your {kind, select, pledge {pledge} other {signature}}",
      thanks: "Thank you for {kind, select, pledge {taking the pledge} other {signing}} “{title}”. One step left: confirm that this email address is yours.",
      button: "Last step: confirm my {kind, select, pledge {pledge} other {signature}}",
      counts:
        "Your {kind, select, pledge {pledge} other {signature}} only counts once you confirm it. The link works for {days, plural, one {# day} other {# days}}. Opening it changes nothing by itself: you confirm by pressing the button on the page.",
      fallback: "If the button does not work, copy this link into your browser:",
      notYou:
        "Did not {kind, select, pledge {pledge} other {sign}}? Ignore this email. An unconfirmed {kind, select, pledge {pledge} other {signature}} is never counted, and nothing is kept after {days, plural, one {# day} other {# days}}.",
      campaign: "Read the campaign",
    },
    alreadySigned: {
      subject: "You have already {kind, select, pledge {pledged} other {signed}}: {title}",
      preview: "Your {kind, select, pledge {pledge} other {signature}} on “{title}” is already recorded. Nothing else to do.",
      heading: "You have already {kind, select, pledge {pledged} other {signed}}",
      again: "Someone (probably you) just tried to {kind, select, pledge {take} other {sign}} “{title}” again with this email address.",
      recorded: "Your {kind, select, pledge {pledge} other {signature}} is already recorded. There is nothing else to do.",
      share: "Want to do more? Share the campaign with people you trust:",
      notYou: "If it was not you, you can ignore this email. Nothing has changed.",
    },
    dataDeletion: {
      subject: "Delete your Cut Ties signatures",
      preview: "One button deletes every signature made with this address.",
      heading: "Delete your data",
      asked: "Someone (probably you) asked to delete every signature made on Cut Ties with this email address.",
      button: "Delete my data",
      how: "The link works for {hours, plural, one {# hour} other {# hours}}. Opening it deletes nothing by itself: you confirm on the page.",
      notYou: "If you did not ask for this, ignore this email. Nothing will change.",
    },
  },
  // Each area keeps its words in its own file.
  workspace: workspaceEn,
  editor: editorEn,
  moderation: moderationEn,
  signers: signersEn,
  facts: factsEn,
  updates: updatesEn,
};

export default en;

export type Messages = Widen<typeof en>;
