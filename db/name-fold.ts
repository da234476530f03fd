// Names folded for search: "Pérez", "PEREZ" and "Perez" are one word to the signers
// search. The fold is a SQL translate() over a fixed table, so it is IMMUTABLE and can be
// indexed on both drivers (PGlite has no unaccent in core, and unaccent() is not immutable
// anyway); the app folds a search with the same table (foldName), so both sides agree.
// The table is every letter of Latin-1, Latin Extended-A/B and Latin Extended Additional
// whose canonical decomposition is one ASCII letter plus marks (é, ñ, ç, ş, ǎ, ễ …), plus
// ł ø đ ħ ı, which have no decomposition. Combining marks U+0300–U+036F (a name stored
// decomposed, "e" + U+0301) are deleted. Letters outside the table (ß, Greek, Cyrillic)
// are left as they are on both sides.
//
// The literals are written out rather than computed: the index expression in the
// migration and the one in the query must be the same text for PostgreSQL to use the
// index, whatever Unicode tables the running Node has. db/name-fold.test.ts checks them.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

export const FOLD_FROM =
  "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹŁłØøĐđĦħı";
export const FOLD_TO =
  "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYyLlOoDdHhi";
/** Combining diacritical marks, deleted by the fold (translate drops characters past FOLD_TO). */
export const FOLD_MARKS = Array.from({ length: 0x370 - 0x300 }, (_, i) => String.fromCodePoint(0x300 + i)).join("");

/** `expression` with the fold applied in SQL (the same text the name index is built on). */
export function foldedSql(expression: SQLWrapper): SQL {
  return sql`translate(${expression}, ${sql.raw(`'${FOLD_FROM}${FOLD_MARKS}'`)}, ${sql.raw(`'${FOLD_TO}'`)})`;
}

const folds = new Map(Array.from(FOLD_FROM, (ch, i) => [ch, FOLD_TO[i]]));

/** A search folded as the index folds a name, then lower-cased (as to_tsvector('simple') does). */
export function foldName(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp < 0x370) continue;
    out += folds.get(ch) ?? ch;
  }
  return out.toLowerCase();
}
