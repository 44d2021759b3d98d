# Generate a deck of N cards (awk -v n=N [-v icons=1] [-v photos=1] -f bench/gen_deck.awk):
# realistic Dutch texts of varying length from the essays' vocabulary, all three card types,
# six categories. With photos=1 every question card shows photo.png (beside the deck), with a
# shorter question to leave it room. Deterministic (fixed seed), so runs compare.
function pick(a, k) { return a[int(rand() * k) + 1] }
function sentence(words,    s, i) {
	s = pick(cap, ncap)
	for (i = 1; i < words; i++) s = s " " pick(w, nw)
	return s
}
BEGIN {
	srand(1)
	nw = split("organisatie klanten medewerkers waarde samenwerking betekenisvolle impact " \
	           "efficiënt leveren dienstverlening zelfbeeld perspectief verandering gesprek " \
	           "verbinding vertrouwen transparantie gemeenschap netwerk relaties kwaliteit " \
	           "ontwikkeling verantwoordelijkheid gespreksvaardigheden kwaliteitsbewaking " \
	           "de het een van en in op met voor dat die niet maar ook als wat hoe wie waar " \
	           "teams klantrelaties partnerschap transactie winkelervaring logistiek", w, " ")
	ncap = split("Wat Hoe Waarom Wanneer Welke Wie Waar Teams Klanten Organisaties", cap, " ")
	print "deck:\n  title: Benchmark\n  language: nl\ncategories:"
	# with -v icons=1, each category an icon beside the deck: SVGs and a transparent PNG
	nic = split("icons/ask.svg icons/eye.svg noord.png icons/link.svg noord.png icons/eye.svg", ic, " ")
	for (c = 1; c <= 6; c++) {
		printf "  - {id: c%d, name: Categorie %d, color: \"#%02x5d8a\"", c, c, 40 * c
		if (icons) printf ", icon: %s", ic[c]
		print "}"
	}
	print "sources:\n  - {id: s1, title: Een essay, author: Iemand}\ncards:"
	for (i = 1; i <= n; i++) {
		t = i % 3
		printf "  - id: B%05d\n    category: c%d\n", i, i % 6 + 1
		if (t == 0) {
			printf "    type: quote\n    source: s1\n    text: \"%s.\"\n", sentence(8 + int(rand() * 22))
		} else if (t == 1) {
			printf "    type: case\n    title: %s\n", pick(cap, ncap) " " pick(w, nw)
			printf "    text: \"%s. %s.\"\n", sentence(15 + int(rand() * 15)), sentence(10 + int(rand() * 10))
			printf "    question: \"%s?\"\n", sentence(6 + int(rand() * 8))
		} else if (photos) {
			printf "    type: question\n    image: photo.png\n    text: \"%s?\"\n", sentence(4 + int(rand() * 6))
			printf "    followups: [\"%s?\"]\n", sentence(5)
		} else {
			printf "    type: question\n    text: \"%s?\"\n", sentence(6 + int(rand() * 12))
			printf "    followups: [\"%s?\", \"%s?\"]\n", sentence(5), sentence(6)
		}
	}
}
