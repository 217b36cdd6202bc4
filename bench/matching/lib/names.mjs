// The name communities of a mixed English town, and the ways their names vary between records.
// Only common given and family names (no real person's full name is intended); every list is
// ordered most common first, and drawn with a Zipf-like skew (names.mjs's exponents below).
//
// An origin is:
//   id, share          its key in truth.csv, and its share of people (shares are normalised)
//   givenZipf, familyZipf   Zipf exponents for drawing given and family names
//   groups             [{ share, female, male, family, ...overrides }]: sub-communities that
//                      keep given and family names consistent (e.g. pinyin vs Cantonese);
//                      any origin field may be overridden in a group
//   transliterated     true where names are romanised from another script (or, for Somali, written
//                      in English spellings as often as in Somali ones): spelling variants are
//                      more frequent (RECORD_RATES.spellingTransliterated)
//   order              'family-first' where the community writes the family name first (a
//                      record then swaps given and family names more often)
//   patronymic         true where a child's family name is the father's given name, then the
//                      grandfather's ([father, grandfather], both from the male given names)
//   doubleFamily       { rate, joiner, recorded: [both, first only, last only] }: the share of
//                      households with two family names, how they are joined, and how often a
//                      record shows both parts or one (patronymic origins always have two)
//   singhKaur          { both, alone }: Sikh households whose family name is Singh/Kaur plus a
//                      surname, or Singh/Kaur alone (a girl's Singh is Kaur); with recorded as above
//   gendered           'slavic' (-ski/-ska) or 'baltic' (Lithuanian daughters' and wives' forms)
//   prefix             { male: { rate, names } , female: ... }: a first given name before the
//                      one used (Vietnamese middle names, Muhammad before a boy's name)
//   givenWords         how records treat multi-word given names: 'join' ("Zi Xuan" / "Zixuan"
//                      / "Zi-Xuan") or 'drop-first' ("Thị Lan" / "Lan", "Muhammad Ali" / "Ali")
//   motherFamily       { rate, name }: the share of mothers recorded under another family name
//   assignedDob        the share of people whose date of birth is unknown and recorded as
//                      1 January of an assessed year (children who arrived unaccompanied)
//   nicknames, spellings  variants of this community only (see NICKNAMES and SPELLINGS)

const list = (text) => text.split(/,\s*/);
const table = (entries) =>
  Object.fromEntries(Object.entries(entries).map(([name, variants]) => [name, list(variants)]));

export const ORIGINS = [
  {
    id: 'white_british', share: 51.5, givenZipf: 0.75, familyZipf: 0.8,
    doubleFamily: { rate: 0.04, joiner: '-', recorded: [0.6, 0.1, 0.3] },
    groups: [{
      share: 1,
      female: list('Olivia, Amelia, Isla, Ava, Mia, Lily, Sophie, Grace, Freya, Poppy, Ella, Evie, ' +
        'Emily, Jessica, Ruby, Chloe, Lucy, Ellie, Millie, Charlotte, Holly, Megan, Hannah, ' +
        'Isabella, Katherine, Elizabeth, Rebecca, Florence, Willow, Rosie, Daisy, Scarlett, Phoebe, ' +
        'Alice, Harriet, Matilda, Erin, Lacey, Amber, Jasmine, Bethany, Georgia, Lauren, Courtney, ' +
        'Leah, Zoë, Abigail, Eleanor, Victoria, Samantha, Caitlin, Paige, Kayleigh, Jade, Sarah, ' +
        'Emma, Shannon, Chelsea, Ivy, Catherine'),
      male: list('Oliver, George, Harry, Jack, Noah, Leo, Charlie, Jacob, Freddie, Alfie, Thomas, ' +
        'Oscar, James, William, Henry, Joshua, Archie, Theo, Arthur, Max, Ethan, Daniel, Samuel, ' +
        'Joseph, Lucas, Mason, Logan, Riley, Alexander, Benjamin, Edward, Matthew, Dylan, Lewis, ' +
        'Tyler, Callum, Jamie, Kai, Liam, Ryan, Harrison, Reuben, Finley, Toby, Louie, Tommy, ' +
        'Frankie, Ronnie, Jenson, Michael, Christopher, Nathan, Connor, Jayden, Luke, Adam, Jake, ' +
        'Bradley, Kieran, Robert'),
      family: list('Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, ' +
        'Roberts, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, ' +
        'Harris, Clarke, Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, King, ' +
        'Baker, Harrison, Morgan, Allen, James, Scott, Phillips, Watson, Parker, Price, Bennett, ' +
        'Young, Griffiths, Mitchell, Cook, Carter, Richardson, Bailey, Collins, Bell, Shaw, Miller, ' +
        'Cox, Richards, Marshall, Simpson, Ellis'),
    }],
  },
  {
    id: 'irish', share: 1.5, givenZipf: 0.7, familyZipf: 0.8,
    groups: [{
      share: 1,
      female: list('Aoife, Niamh, Saoirse, Ciara, Róisín, Siobhán, Orla, Sinéad, Caoimhe, Aisling, ' +
        'Clodagh, Éabha, Emer, Gráinne, Méabh, Nuala, Sorcha, Clíona, Ailbhe, Fiadh, Grace, Emma, ' +
        'Ava, Sophie, Katie, Mary, Bridget, Áine, Erin, Shauna'),
      male: list('Seán, Jack, Conor, Liam, Cian, Oisín, Darragh, Ciarán, Patrick, Ronan, Eoin, ' +
        'Niall, Cillian, Tadhg, Fionn, Rory, Aidan, Declan, Shane, Pádraig, Séamus, Diarmuid, Colm, ' +
        'Dylan, Michael, Kevin, Brendan, Donal, Killian, Fergal'),
      family: list("Murphy, Kelly, O'Sullivan, Walsh, O'Brien, Byrne, Ryan, O'Connor, O'Neill, " +
        "Doyle, McCarthy, Gallagher, O'Donnell, Lynch, Kennedy, Quinn, Brennan, Fitzgerald, Daly, " +
        "Dunne, Flanagan, McLaughlin, Kavanagh, Nolan, Boyle, O'Reilly, Keane, Duffy, Maguire, " +
        'Power, Moran, Hogan, Farrell, Callaghan, Connolly'),
    }],
    spellings: table({
      'Seán': 'Shaun, Shawn, Shaune', 'Ciarán': 'Kieran, Ciaron', 'Niamh': 'Neve, Neeve',
      'Caoimhe': 'Keeva', 'Saoirse': 'Seersha, Sorsha', 'Siobhán': 'Shivaun, Chevonne',
      'Éabha': 'Eva', 'Méabh': 'Maeve, Meave', 'Róisín': 'Rosheen', 'Tadhg': 'Teague',
      'Diarmuid': 'Dermot', 'Oisín': 'Osheen', 'Pádraig': 'Padraic, Patrick',
      'Séamus': 'Shamus, James', 'Áine': 'Anya, Anja', 'Killian': 'Cillian',
      "O'Sullivan": 'Sullivan, OSullivan', "O'Neill": "O'Neil, ONeill", "O'Reilly": 'Reilly, Riley',
      'McCarthy': 'MacCarthy, McCarty', 'McLaughlin': 'McLoughlin, MacLaughlin',
      'Gallagher': 'Gallacher', "O'Donnell": "O'Donnel", 'Flanagan': 'Flannagan', 'Dunne': 'Dunn',
      'Callaghan': "O'Callaghan", 'Kavanagh': 'Cavanagh',
    }),
  },
  {
    id: 'polish', share: 5.5, givenZipf: 0.7, familyZipf: 0.7, gendered: 'slavic',
    groups: [{
      share: 1,
      female: list('Zuzanna, Julia, Maja, Zofia, Hanna, Lena, Alicja, Oliwia, Natalia, Wiktoria, ' +
        'Amelia, Aleksandra, Małgorzata, Agnieszka, Katarzyna, Magdalena, Joanna, Karolina, ' +
        'Gabriela, Weronika, Emilia, Martyna, Paulina, Anna, Kinga, Nikola, Laura, Marta, Iga, Ewa'),
      male: list('Jakub, Kacper, Szymon, Filip, Jan, Antoni, Michał, Mateusz, Bartosz, Wojciech, ' +
        'Piotr, Tomasz, Krzysztof, Łukasz, Paweł, Dawid, Oskar, Adam, Maciej, Wiktor, Igor, ' +
        'Aleksander, Marcel, Stanisław, Franciszek, Kamil, Patryk, Hubert, Dominik, Nikodem'),
      family: list('Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, ' +
        'Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, ' +
        'Krawczyk, Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski, Nowicki, Adamczyk, ' +
        'Dudek, Zając, Wieczorek, Jabłoński, Król, Majewski, Olszewski, Jaworski, Wróbel, ' +
        'Malinowski, Pawlak, Witkowski, Walczak, Stępień, Górski, Rutkowski, Michalak'),
    }],
    nicknames: table({
      'Aleksandra': 'Ola, Ala, Alex', 'Małgorzata': 'Gosia, Małgosia, Margaret', 'Katarzyna': 'Kasia, Kate',
      'Agnieszka': 'Aga, Agnes', 'Magdalena': 'Magda', 'Joanna': 'Asia', 'Zuzanna': 'Zuzia, Susanna',
      'Wiktoria': 'Wiki, Victoria', 'Gabriela': 'Gabi', 'Weronika': 'Wera, Veronica',
      'Aleksander': 'Olek, Alex', 'Jakub': 'Kuba, Jacob', 'Wojciech': 'Wojtek', 'Krzysztof': 'Krzyś, Chris',
      'Tomasz': 'Tomek, Tom', 'Stanisław': 'Staś, Stan', 'Franciszek': 'Franek', 'Bartosz': 'Bartek',
      'Piotr': 'Peter', 'Michał': 'Michael', 'Paweł': 'Paul', 'Łukasz': 'Luke', 'Mateusz': 'Matthew',
      'Maciej': 'Maciek', 'Szymon': 'Simon', 'Filip': 'Philip', 'Dawid': 'David', 'Jan': 'John',
    }),
  },
  {
    id: 'romanian', share: 4.5, givenZipf: 0.7, familyZipf: 0.7,
    groups: [{
      share: 1,
      female: list('Maria, Elena, Ioana, Andreea, Alexandra, Sofia, Antonia, Bianca, Daria, Ana, ' +
        'Gabriela, Mihaela, Cristina, Denisa, Larisa, Alina, Roxana, Raluca, Iulia, Alesia, ' +
        'Anastasia, Ilinca, Teodora, Irina, Diana, Ștefania, Georgiana, Florentina, Ramona, Adelina'),
      male: list('Andrei, Alexandru, David, Ștefan, Gabriel, Mihai, Ionuț, Cristian, Darius, Luca, ' +
        'Matei, Rareș, Vlad, Florin, Adrian, Marius, Ion, Nicolae, Constantin, Sebastian, Denis, ' +
        'Robert, Bogdan, Răzvan, Daniel, Alin, Cosmin, Sorin, Marian, Ovidiu'),
      family: list('Popescu, Popa, Pop, Radu, Ionescu, Dumitru, Stoica, Stan, Gheorghe, Matei, ' +
        'Ciobanu, Rusu, Munteanu, Constantin, Moldovan, Ioniță, Mihai, Marin, Lazăr, Florea, Dinu, ' +
        'Tudor, Ene, Toma, Sârbu, Barbu, Nistor, Dobre, Lungu, Ursu, Coman, Preda, Iordache, Cristea, ' +
        'Pavel'),
    }],
    nicknames: table({
      'Alexandru': 'Alex', 'Alexandra': 'Alex', 'Cristian': 'Cristi', 'Gabriel': 'Gabi', 'Gabriela': 'Gabi',
      'Daniel': 'Dani', 'Nicolae': 'Nicu', 'Constantin': 'Costel, Costi', 'Teodora': 'Teo',
      'Ștefan': 'Steven', 'Ion': 'Ionel, John', 'Mihai': 'Michael', 'Ioana': 'Ionela',
    }),
    spellings: table({ 'Andreea': 'Andrea', 'Iulia': 'Julia' }),
  },
  {
    id: 'lithuanian', share: 1.5, givenZipf: 0.7, familyZipf: 0.7, gendered: 'baltic',
    groups: [{
      share: 1,
      female: list('Emilija, Sofija, Lėja, Olivija, Amelija, Lukrecija, Gabija, Kamilė, Austėja, ' +
        'Ugnė, Viltė, Goda, Urtė, Rugilė, Ieva, Gustė, Milda, Deimantė, Greta, Eglė, Justė, Aistė, ' +
        'Monika, Rūta, Agnė, Karolina, Miglė, Smiltė, Augustė, Elzė'),
      male: list('Lukas, Matas, Jokūbas, Dominykas, Nojus, Benediktas, Kajus, Markas, Jonas, Mantas, ' +
        'Tomas, Paulius, Dovydas, Gabrielius, Domantas, Aurimas, Karolis, Vytautas, Emilis, Rokas, ' +
        'Herkus, Joris, Augustas, Arnas, Adomas, Titas, Ignas, Justas, Deividas, Martynas'),
      family: list('Kazlauskas, Jankauskas, Petrauskas, Stankevičius, Vasiliauskas, Žukauskas, ' +
        'Butkus, Paulauskas, Urbonas, Kavaliauskas, Baranauskas, Navickas, Ramanauskas, Pocius, ' +
        'Sakalauskas, Rimkus, Žilinskas, Adomaitis, Mikalauskas, Kairys, Lukoševičius, Savickas, ' +
        'Ivanauskas, Norkus, Grigas, Černiauskas, Jonaitis, Petraitis, Kazakevičius, Bagdonas'),
    }],
    nicknames: table({
      'Jokūbas': 'Jacob', 'Dovydas': 'David', 'Dominykas': 'Dominic', 'Gabrielius': 'Gabriel',
      'Emilija': 'Emily', 'Deividas': 'David', 'Sofija': 'Sophie', 'Jonas': 'John',
    }),
  },
  {
    id: 'portuguese', share: 2, givenZipf: 0.7, familyZipf: 0.8,
    doubleFamily: { rate: 0.6, joiner: ' ', recorded: [0.5, 0.15, 0.35] },
    groups: [{
      share: 1,
      female: list('Maria, Leonor, Matilde, Beatriz, Carolina, Mariana, Ana, Inês, Sofia, Margarida, ' +
        'Francisca, Lara, Alice, Benedita, Laura, Clara, Joana, Rita, Catarina, Marta, Diana, ' +
        'Vitória, Camila, Bianca, Luana, Íris, Madalena, Constança, Daniela, Gabriela'),
      male: list('João, Rodrigo, Martim, Francisco, Tomás, Santiago, Afonso, Duarte, Miguel, Pedro, ' +
        'Gonçalo, Diogo, Gabriel, Lucas, Tiago, Rafael, Guilherme, Leonardo, Salvador, Vicente, ' +
        'André, Bruno, Ricardo, Luís, Rui, Simão, Henrique, Manuel, Dinis, Vasco'),
      family: list('Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Jesus, ' +
        'Sousa, Fernandes, Gonçalves, Gomes, Lopes, Marques, Alves, Almeida, Ribeiro, Pinto, ' +
        'Carvalho, Teixeira, Moreira, Correia, Mendes, Nunes, Soares, Vieira, Monteiro, Cardoso, ' +
        'Rocha, da Silva, dos Santos, de Sousa, da Costa, de Oliveira'),
    }],
    nicknames: table({
      'Francisco': 'Chico', 'João': 'John', 'Guilherme': 'Gui', 'Margarida': 'Guida',
      'Beatriz': 'Bia', 'Tomás': 'Tom', 'Henrique': 'Henry', 'Manuel': 'Manny',
    }),
    spellings: table({
      'Sousa': 'Souza', 'Gonçalves': 'Gonsalves', 'Rodrigues': 'Rodriguez', 'Fernandes': 'Fernandez',
      'de Sousa': 'De Sousa, Desousa, de Souza', 'da Silva': 'Da Silva, DaSilva, Dasilva',
      'dos Santos': 'Dos Santos, DosSantos', 'da Costa': 'Da Costa, DaCosta', 'de Oliveira': 'De Oliveira',
      'Luís': 'Louis', 'Inês': 'Inez',
    }),
  },
  {
    id: 'pakistani', transliterated: true, share: 8.5, givenZipf: 0.95, familyZipf: 0.95, givenWords: 'drop-first',
    prefix: { male: { rate: 0.3, names: list('Muhammad, Mohammed') } },
    groups: [{
      share: 1,
      female: list('Aisha, Fatima, Zainab, Maryam, Hafsa, Amna, Iqra, Sana, Mahnoor, Zara, Alishba, ' +
        'Khadija, Hira, Ayesha, Noor, Anaya, Inaya, Eman, Hania, Laiba, Saba, Samina, Sadia, ' +
        'Rabia, Mehwish, Madiha, Aleena, Areeba, Mariam, Nimra, Zoya, Alina, Safa, Mahira, Hoorain'),
      male: list('Muhammad, Mohammed, Ali, Hamza, Bilal, Usman, Zain, Ibrahim, Ayaan, Haris, Hassan, ' +
        'Imran, Adnan, Faisal, Kamran, Shahid, Asad, Rehan, Saad, Talha, Umar, Yasir, Zaid, ' +
        'Abdullah, Danyal, Musa, Amir, Arham, Haider, Rayyan, Junaid, Waqas, Zohaib, Yusuf, Ahmed'),
      family: list('Khan, Hussain, Ahmed, Ali, Akhtar, Iqbal, Mahmood, Butt, Malik, Shah, Raza, ' +
        'Aslam, Bibi, Javed, Mirza, Qureshi, Rashid, Sheikh, Siddiqui, Yousaf, Zaman, Riaz, Anwar, ' +
        'Arshad, Chaudhry, Hanif, Latif, Nawaz, Rafiq, Saleem, Shafiq, Tariq, Abbasi, Aziz, Bashir, ' +
        'Ashraf, Rehman, Din, Hameed, Kausar'),
    }],
  },
  {
    id: 'bangladeshi', transliterated: true, share: 4, givenZipf: 0.95, familyZipf: 0.95, givenWords: 'drop-first',
    motherFamily: { rate: 0.5, name: 'Begum' },
    prefix: { male: { rate: 0.35, names: list('Mohammed, Mohammad') } },
    groups: [{
      share: 1,
      female: list('Fatema, Ayesha, Sumaiya, Nusrat, Tasnim, Jannat, Sadia, Farzana, Halima, ' +
        'Rukhsana, Shirin, Nadia, Tahmina, Salma, Sultana, Anika, Maliha, Rumana, Afia, Lamia, ' +
        'Mahira, Zara, Amina, Samira, Tanzila, Khadija, Raisa, Sabrina, Mariam, Habiba'),
      male: list('Mohammed, Abdul, Ibrahim, Ayaan, Rayhan, Zakaria, Hamza, Tanvir, Imran, Sabbir, ' +
        'Arif, Jamal, Kamal, Shakil, Faisal, Nazmul, Sakib, Tahmid, Sami, Yusuf, Rafiq, Shahid, ' +
        'Mahir, Adam, Zayan, Ishaq, Rahim, Sayed, Tariq, Abu, Ismail, Rizwan, Shafiqul, Aminul'),
      family: list('Miah, Begum, Ahmed, Uddin, Hussain, Khan, Islam, Rahman, Ali, Chowdhury, ' +
        'Hoque, Alam, Akhtar, Bibi, Sheikh, Karim, Kabir, Mahmud, Siddique, Talukdar, Khatun, ' +
        'Hassan, Choudhury, Sarkar, Sultana, Haque, Uddin Ahmed, Bhuiyan, Mollah, Hossain'),
    }],
    spellings: table({
      'Mohammed': 'Md, Mohammad, Muhammad, Mohd', 'Mohammad': 'Md, Mohammed, Muhammad',
      'Miah': 'Mia, Meah, Miha', 'Hoque': 'Haque, Huq, Hoq', 'Haque': 'Hoque, Huq', 'Uddin': 'Udin, Ud-Din, Uddeen',
      'Begum': 'Begom, Begam', 'Khatun': 'Khatoon', 'Hossain': 'Hussain, Hosen', 'Sultana': 'Sultanah',
      'Mahmud': 'Mahmood', 'Siddique': 'Siddiqui, Siddik', 'Mollah': 'Molla, Mullah',
      'Bhuiyan': 'Bhuyan, Bhuiya', 'Fatema': 'Fatima, Fatama', 'Tasnim': 'Tasneem', 'Tanvir': 'Tanveer',
      'Sakib': 'Shakib, Saqib', 'Rayhan': 'Raihan, Rayan', 'Shahid': 'Shahed', 'Farzana': 'Farjana',
      'Rukhsana': 'Ruksana', 'Sumaiya': 'Sumaya, Sumayyah', 'Jannat': 'Jannatul', 'Sadia': 'Sadiya',
      'Shafiqul': 'Shafiqul Islam, Shofiqul', 'Aminul': 'Aminul Islam',
    }),
  },
  {
    id: 'indian', transliterated: true, share: 4.5, givenZipf: 0.8, familyZipf: 0.9,
    groups: [
      {
        share: 0.55,
        singhKaur: { both: 0.4, alone: 0.25, recorded: [0.5, 0.2, 0.3] },
        female: list('Simran, Harleen, Jasleen, Navneet, Amandeep, Gurleen, Manpreet, Harpreet, ' +
          'Jaspreet, Kiran, Rajvir, Sukhmani, Jasmeet, Mehak, Prabhjot, Ravneet, Sandeep, Taranjit, ' +
          'Gurpreet, Harmeet, Inderpreet, Jasvir, Kulwinder, Mandeep, Navjot, Parveen, Rupinder, ' +
          'Sukhjit, Amrita, Anmol'),
        male: list('Gurpreet, Harjeet, Manpreet, Jaspreet, Harpreet, Amrit, Hardeep, Jasvinder, ' +
          'Sukhdeep, Gurdeep, Rajveer, Arjun, Jaskaran, Gurveer, Harvir, Ranveer, Karanveer, ' +
          'Amarjit, Balraj, Kuldeep, Navdeep, Parminder, Sukhwinder, Tejpal, Inderjit, Jagdeep, ' +
          'Mandeep, Ravinder, Simranjit, Veer'),
        family: list('Sandhu, Gill, Sidhu, Dhillon, Bains, Johal, Grewal, Sangha, Atwal, Virdi, Kang, ' +
          'Mann, Randhawa, Sahota, Bassi, Dhaliwal, Garcha, Hayer, Khera, Rai, Sohal, Uppal, Chahal, ' +
          'Cheema, Kalsi, Bhogal, Sehmi, Dosanjh, Mahal, Nijjar'),
      },
      {
        share: 0.45,
        female: list('Priya, Pooja, Riya, Diya, Isha, Meera, Anika, Kajal, Nisha, Roshni, Tanvi, Asha, ' +
          'Bhavna, Hetal, Khushi, Mansi, Nikita, Shreya, Aanya, Saanvi, Anjali, Janvi, Krupa, Nidhi, ' +
          'Ishani, Kavya, Mira, Radhika, Sejal, Trisha'),
        male: list('Aarav, Krish, Dev, Jay, Yash, Dhruv, Parth, Mihir, Jayesh, Hitesh, Ketan, Rohan, ' +
          'Rahul, Nikhil, Vivek, Harsh, Kunal, Neel, Om, Rishi, Sahil, Arjun, Aryan, Ishaan, Vihaan, ' +
          'Shiv, Ved, Pranav, Tej, Ravi'),
        family: list('Patel, Shah, Mistry, Parmar, Chauhan, Solanki, Desai, Joshi, Mehta, Thakkar, Lad, ' +
          'Modi, Rana, Pandya, Trivedi, Bhatt, Gohil, Vaghela, Makwana, Chavda, Panchal, Dave, Raval, ' +
          'Soni, Amin, Naik, Kotecha, Lakhani, Thakrar, Ruparelia'),
      },
    ],
    spellings: table({
      'Harjeet': 'Harjit', 'Gurpreet': 'Gurprit', 'Jaspreet': 'Jasprit, Jaspret',
      'Amarjit': 'Amarjeet', 'Inderjit': 'Inderjeet', 'Simranjit': 'Simranjeet',
      'Sukhwinder': 'Sukhvinder', 'Jasvinder': 'Jaswinder', 'Kulwinder': 'Kulvinder', 'Ravinder': 'Ravindar',
      'Harpreet': 'Harprit', 'Manpreet': 'Manprit', 'Taranjit': 'Taranjeet', 'Dhillon': 'Dhilon',
      'Randhawa': 'Randhava', 'Dhaliwal': 'Dhaliwall', 'Sehmi': 'Sehmy', 'Aarav': 'Arav', 'Krish': 'Krrish',
      'Saanvi': 'Sanvi', 'Aanya': 'Anya', 'Janvi': 'Jhanvi, Jahnvi', 'Thakkar': 'Thakar', 'Mistry': 'Mistri',
      'Chauhan': 'Chohan', 'Pandya': 'Pandiya', 'Vaghela': 'Waghela', 'Chavda': 'Chawda', 'Ishaan': 'Ishan',
    }),
  },
  {
    id: 'somali', transliterated: true, share: 2.5, givenZipf: 1.0, familyZipf: 1.0, patronymic: true, assignedDob: 0.06,
    doubleFamily: { rate: 1, joiner: ' ', recorded: [0.15, 0.8, 0.05] },
    groups: [{
      share: 1,
      female: list('Hodan, Amina, Fadumo, Hibo, Ayan, Ifrah, Sagal, Hawa, Nimco, Ubah, Sahra, Halima, ' +
        'Deeqa, Maryan, Asha, Fartun, Hamdi, Idil, Najma, Ruqia, Safiya, Sumaya, Yasmin, Zamzam, ' +
        'Farhiya, Khadra, Leyla, Muna, Ikran, Anisa'),
      male: list('Mohamed, Abdi, Ahmed, Ali, Hassan, Abdirahman, Abdullahi, Ibrahim, Omar, Yusuf, ' +
        'Mahad, Hamza, Abdirizak, Said, Osman, Farah, Liban, Guled, Bashir, Ismail, Abdiaziz, ' +
        'Mukhtar, Khalid, Jama, Warsame, Hussein, Aden, Nur, Abdikarim, Mohamud'),
      family: [],
    }],
    spellings: table({
      'Mohamed': 'Maxamed, Mohammed', 'Mohamud': 'Maxamuud, Mahmoud', 'Ali': 'Cali',
      'Hassan': 'Xasan, Hasan', 'Omar': 'Cumar', 'Abdi': 'Cabdi', 'Ahmed': 'Axmed',
      'Abdullahi': 'Cabdullaahi, Abdillahi', 'Abdirahman': 'Cabdiraxmaan, Abdurahman, Abdulrahman',
      'Abdirizak': 'Abdirazak, Cabdirisaaq', 'Abdiaziz': 'Abdulaziz, Cabdicasiis',
      'Abdikarim': 'Abdulkarim, Cabdikariim', 'Yusuf': 'Yuusuf, Yousuf', 'Ibrahim': 'Ibraahim',
      'Osman': 'Cismaan, Othman', 'Said': 'Saciid, Saeed', 'Farah': 'Faarax', 'Hussein': 'Xuseen, Hussain',
      'Ismail': 'Ismaaciil', 'Nur': 'Nuur, Noor', 'Jama': 'Jaamac', 'Aden': 'Aadan, Adan',
      'Fadumo': 'Faadumo, Faduma, Fatuma', 'Hodan': 'Hodhan', 'Nimco': 'Nimo', 'Sahra': 'Sahro, Zahra',
      'Maryan': 'Maryam', 'Ayan': 'Ayaan', 'Ifrah': 'Ifra', 'Deeqa': 'Deqa', 'Ubah': 'Ubax',
      'Halima': 'Xaliimo, Halimo', 'Hawa': 'Xawa', 'Amina': 'Aamina', 'Ruqia': 'Ruqiya, Rukia',
      'Khadra': 'Khadro', 'Safiya': 'Safia', 'Fartun': 'Fartuun', 'Hamdi': 'Xamdi',
    }),
    nicknames: table({ 'Abdirahman': 'Abdi', 'Abdullahi': 'Abdi', 'Abdirizak': 'Abdi' }),
  },
  {
    id: 'nigerian', share: 2.5, givenZipf: 0.8, familyZipf: 0.8,
    groups: [
      {
        share: 0.55,
        female: list('Oluwadamilola, Folasade, Adeola, Oluwabukola, Temitope, Titilayo, Ayomide, ' +
          'Morenike, Oyinkansola, Damilola, Ifeoluwa, Eniola, Jumoke, Omotola, Funmilayo, Abiola, ' +
          'Motunrayo, Precious, Blessing, Favour, Esther, Deborah, Peace, Mercy, Grace, Ruth, ' +
          'Bolanle, Yetunde, Moyinoluwa, Simisola'),
        male: list('Oluwaseun, Oluwatobi, Ayomide, Adebayo, Olumide, Tobiloba, Temitope, ' +
          'Oluwadamilare, Ayodeji, Babatunde, Olamide, Oluwafemi, Adewale, Kayode, Ifeoluwa, David, ' +
          'Daniel, Samuel, Emmanuel, Joshua, Victor, Michael, Gbenga, Segun, Tunde, Timilehin, ' +
          'Oluwatimilehin, Toluwani, Opeyemi, Ayotunde'),
        family: list('Adeyemi, Adebayo, Ogunleye, Balogun, Olaniyan, Akinola, Afolabi, Oladipo, ' +
          'Adeleke, Bakare, Ogunbiyi, Oyedele, Adeniyi, Oyewole, Adesina, Olatunji, Fashola, Ajayi, ' +
          'Ojo, Ayodele, Odunsi, Akande, Alabi, Oke, Adeoye, Oyelaran, Adegoke, Ogundipe, Salami, Lawal'),
      },
      {
        share: 0.45,
        female: list('Chiamaka, Chidinma, Ngozi, Adaeze, Nneka, Chioma, Ifeoma, Amarachi, Chinonso, ' +
          'Kosisochukwu, Somtochi, Ebere, Ogechi, Uchechi, Nkechi, Chinwe, Obiageli, Ujunwa, ' +
          'Precious, Blessing, Favour, Esther, Miracle, Gift, Adanna, Chisom, Munachi, Onyinye, ' +
          'Chinenye, Kamsiyochukwu'),
        male: list('Chinedu, Chukwuemeka, Obinna, Ikenna, Chidi, Nnamdi, Kelechi, Chibuike, Ebuka, ' +
          'Somtochukwu, Tochukwu, Uchenna, Ifeanyi, Chukwudi, Onyeka, David, Daniel, Samuel, ' +
          'Emmanuel, Joshua, Victor, Michael, Chisom, Kenechukwu, Chimaobi, Chigozie, Emeka, ' +
          'Ugochukwu, Nonso, Obiora'),
        family: list('Okafor, Okonkwo, Eze, Nwosu, Okeke, Obi, Nwachukwu, Okoro, Onyekachi, Chukwu, ' +
          'Ugwu, Nnadi, Anyanwu, Ibe, Nwankwo, Okoye, Udeh, Onuoha, Agu, Uzor, Obiora, Ndukwe, ' +
          'Nwafor, Ezeh, Okwu, Onyeama, Iheanacho, Nwokolo, Ekwueme, Azubuike'),
      },
    ],
    nicknames: table({
      'Oluwaseun': 'Seun', 'Oluwatobi': 'Tobi', 'Oluwadamilola': 'Dami, Damilola', 'Oluwadamilare': 'Dami',
      'Oluwabukola': 'Bukola, Bukky', 'Temitope': 'Tope, Temi', 'Ayomide': 'Ayo', 'Adebayo': 'Bayo',
      'Olumide': 'Mide', 'Babatunde': 'Tunde', 'Oluwafemi': 'Femi', 'Funmilayo': 'Funmi',
      'Oyinkansola': 'Oyin', 'Tobiloba': 'Tobi', 'Oluwatimilehin': 'Timi, Timilehin', 'Timilehin': 'Timi',
      'Ifeoluwa': 'Ife', 'Moyinoluwa': 'Moyin', 'Simisola': 'Simi', 'Chukwuemeka': 'Emeka',
      'Chiamaka': 'Amaka', 'Kosisochukwu': 'Kosi', 'Somtochukwu': 'Somto', 'Chibuike': 'Buike',
      'Ifeanyi': 'Ify', 'Ifeoma': 'Ify', 'Tochukwu': 'Tochi', 'Kenechukwu': 'Kene',
      'Ugochukwu': 'Ugo', 'Kamsiyochukwu': 'Kamsi', 'Uchenna': 'Uche', 'Chinonso': 'Nonso',
      'Daniel': 'Dan, Danny', 'Samuel': 'Sam', 'Joshua': 'Josh', 'Emmanuel': 'Manny', 'Michael': 'Mike',
    }),
    spellings: table({ 'Eze': 'Ezeh', 'Ezeh': 'Eze', 'Udeh': 'Ude', 'Ogechi': 'Ogechukwu' }),
  },
  {
    id: 'ghanaian', share: 1, givenZipf: 0.8, familyZipf: 0.8,
    groups: [{
      share: 1,
      female: list('Ama, Akosua, Abena, Akua, Yaa, Afua, Adwoa, Efua, Esi, Araba, Ekua, Naa, Maame, ' +
        'Gifty, Grace, Comfort, Mercy, Abigail, Priscilla, Sandra, Vanessa, Linda, Rita, Joyce, ' +
        'Princess, Nana, Dorcas, Benedicta, Evelyn, Adjoa'),
      male: list('Kwame, Kofi, Kwabena, Kwaku, Kwadwo, Yaw, Kwasi, Kojo, Nana, Kwesi, Ebo, Fiifi, Nii, ' +
        'Emmanuel, Samuel, Daniel, Prince, Michael, Isaac, Joseph, Ernest, Eric, Richard, Godfred, ' +
        'Bernard, Jeremiah, Caleb, Jesse, Ethan, Nathaniel'),
      family: list('Mensah, Owusu, Boateng, Asante, Osei, Appiah, Agyeman, Addo, Darko, Amoah, ' +
        'Acheampong, Annan, Ofori, Quaye, Tetteh, Boakye, Adjei, Danquah, Frimpong, Gyamfi, Antwi, ' +
        'Amponsah, Asamoah, Badu, Bonsu, Opoku, Sarpong, Yeboah, Ansah, Baah, Agyei, Donkor, Oduro'),
    }],
    spellings: table({
      'Kwame': 'Kwami', 'Kofi': 'Koffi', 'Kwadwo': 'Kwadjo, Kojo', 'Kwasi': 'Kwesi, Kwasie',
      'Kwesi': 'Kwasi', 'Adwoa': 'Adjoa', 'Adjoa': 'Adwoa', 'Akosua': 'Akosuah', 'Afua': 'Afia, Afuah',
      'Efua': 'Effua', 'Agyeman': 'Agyemang', 'Adjei': 'Adjie, Agyei', 'Tetteh': 'Teteh',
      'Appiah': 'Apiah', 'Acheampong': 'Achiampong', 'Asamoah': 'Asamoa', 'Gyamfi': 'Gyamfie',
    }),
  },
  {
    id: 'caribbean', share: 2.5, givenZipf: 0.75, familyZipf: 0.8,
    groups: [{
      share: 1,
      female: list('Shanice, Kayla, Aaliyah, Tiana, Jade, Chantelle, Imani, Nia, Destiny, Tanisha, ' +
        'Jasmine, Kiara, Leah, Amani, Zara, Maya, Naomi, Precious, Keisha, Latoya, Monique, ' +
        'Simone, Ashanti, Serena, Danielle, Tia, Jada, Ruby, Grace, Shantel'),
      male: list('Jayden, Tyrese, Kai, Malachi, Joshua, Isaiah, Elijah, Jermaine, Marcus, Andre, ' +
        'Dwayne, Kyle, Reuben, Nathaniel, Jordan, Tyler, Kemar, Shaquille, Devon, Leon, Zion, ' +
        'Josiah, Darnell, Carlton, Winston, Delroy, Aaron, Daniel, Jamal, Romeo'),
      family: list('Campbell, Brown, Williams, Smith, Thomas, Johnson, Robinson, Francis, Gordon, ' +
        'Clarke, Grant, Henry, Reid, Morgan, Samuels, Bailey, Lewis, Walker, James, Edwards, Richards, ' +
        'Allen, Wright, Graham, Lawrence, Stewart, Hamilton, Forbes, Bennett, Hinds, Powell, Blake, ' +
        'McKenzie, Palmer, Gayle, Daley, Ellis, Sinclair, Anderson, Spencer'),
    }],
    spellings: table({
      'Jayden': 'Jaden, Jaiden, Jaydon', 'Aaliyah': 'Aliyah, Aleah, Aliya', 'Tiana': 'Tianna',
      'Shanice': 'Shaniece, Shaneese', 'Chantelle': 'Shantelle, Chantel', 'Keisha': 'Kesha, Keesha',
      'Kayla': 'Kaila', 'Malachi': 'Malakai', 'Isaiah': 'Isiah', 'Tyrese': 'Tyreese, Tyrece',
      'Darnell': 'Darnel', 'Jermaine': 'Germaine', 'Zion': 'Zyon', 'Shantel': 'Chantelle',
      'McKenzie': 'MacKenzie, Mckenzie', 'Daley': 'Daly', 'Hinds': 'Hines',
    }),
  },
  {
    id: 'chinese', transliterated: true, share: 1.5, givenZipf: 0.7, familyZipf: 1.0, order: 'family-first', givenWords: 'join',
    groups: [
      {
        share: 0.6,
        female: list('Yu Tong, Zi Han, Xin Yi, Yi Nuo, Mei, Xiao, Jing, Yan, Hui, Ling, Na, Ting, Yue, ' +
          'Si Yu, Jia Yi, Meng, Xue, Qian, Wen, Yu Xuan, Ke Xin, Shu Yi, Jia Qi, Yi Han, Ruo Xi'),
        male: list('Hao, Wei, Jun, Yang, Jie, Hao Ran, Zi Xuan, Yu Hang, Jia Hao, Hao Yu, Chen, Ming, ' +
          'Lei, Tao, Bo, Kai, Rui, Xin, Yi Chen, Zhi Hao, Yu Xuan, Zi Hao, Jun Jie, Tian Yu, Bo Wen'),
        family: list('Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, ' +
          'Guo, He, Lin, Gao, Luo, Zheng, Liang, Xie, Song, Tang, Han, Feng, Deng, Cao, Peng'),
      },
      {
        share: 0.4,
        female: list('Wing Yan, Hoi Ching, Tsz Ching, Ka Yan, Pui Yee, Hiu Tung, Sze Wing, Mei Ling, ' +
          'Wai Man, Suet Ying, Ka Man, Yuen Ting, Hoi Yan, Lok Yi, Cheuk Yiu, Michelle, Jessica, ' +
          'Vivian, Grace, Chloe, Emily, Natalie, Joyce, Karen, Winnie'),
        male: list('Ka Ho, Chun Hei, Wing Kit, Man Hin, Ho Yin, Tsz Hin, Chi Ho, Ka Lok, Wai Lun, ' +
          'Kwok Wai, Chun Yin, Hok Lam, Tsz Long, Pak Hei, Yat Long, Jason, Kevin, Eric, Ryan, ' +
          'Jonathan, Daniel, Marcus, Justin, Ivan, Dennis'),
        family: list('Chan, Wong, Cheung, Lee, Lau, Ng, Leung, Ho, Lam, Tang, Chow, Yip, Tsang, Kwok, ' +
          'Fung, Mak, Yeung, Lai, Chu, Tam, Chiu, Choi, Siu, Kwan, Man, Poon, Lo, Yuen, Wan, Hui'),
      },
    ],
    spellings: table({ 'Li': 'Lee', 'Lee': 'Li', 'Wu': 'Woo', 'Cheung': 'Chung', 'Chow': 'Chau', 'Yeung': 'Young' }),
  },
  {
    id: 'vietnamese', share: 0.8, givenZipf: 0.8, familyZipf: 1.2, order: 'family-first',
    givenWords: 'drop-first', assignedDob: 0.05,
    prefix: {
      male: { rate: 0.85, names: list('Văn, Minh, Đức, Quang, Gia, Hoàng, Thanh') },
      female: { rate: 0.85, names: list('Thị, Ngọc, Thu, Bảo, Thanh, Minh, Kim') },
    },
    groups: [{
      share: 1,
      female: list('Linh, Trang, Anh, Ngọc, Hương, Mai, Lan, Thảo, Hà, Vy, Hoa, Nhung, Phương, Thu, ' +
        'Yến, Diệp, Hằng, Quỳnh, Trâm, Hạnh, Uyên, Nhi, Châu, Thủy, My'),
      male: list('Minh, Anh, Huy, Khang, Bảo, Phúc, Nam, Long, Tuấn, Đức, Hoàng, Quang, Thành, Hiếu, ' +
        'Dũng, Khoa, Trung, Việt, Hải, Sơn, Tùng, Kiên, Duy, Thắng, Vinh'),
      family: list('Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, ' +
        'Lý, Đinh, Trương, Lâm, Mai, Đoàn, Tạ, Cao, Lương, Vương, Trịnh, Châu, Quách, La, Tôn'),
    }],
    spellings: table({ 'Huỳnh': 'Hoang', 'Lý': 'Lee' }),
  },
  {
    id: 'arabic', transliterated: true, share: 2, givenZipf: 0.9, familyZipf: 0.9, assignedDob: 0.03,
    groups: [{
      share: 1,
      female: list('Fatima, Aisha, Maryam, Noor, Layla, Sara, Hana, Zainab, Amira, Rania, Yasmin, ' +
        'Huda, Lina, Reem, Salma, Dina, Nadia, Rana, Dalia, Farah, Jana, Malak, Rahaf, Shahd, Aya, ' +
        'Hala, Lujain, Mona, Samira, Ghena'),
      male: list('Mohammed, Ahmed, Omar, Ali, Youssef, Hassan, Khalid, Ibrahim, Mustafa, Abdullah, ' +
        'Adam, Yusuf, Hamza, Zaid, Karim, Tariq, Sami, Rami, Fadi, Majed, Nasser, Amir, Anas, Bilal, ' +
        'Jamal, Mahmoud, Hussein, Ayman, Walid, Yahya'),
      family: list('Ali, Hassan, Hussein, Ahmed, Mohamed, Ibrahim, Abdullah, Saleh, Mahmoud, Khalil, ' +
        'Al-Sayed, Nasser, Haddad, Mansour, Othman, Salem, Younis, Youssef, Hamdan, Jaber, Abbas, ' +
        'Aziz, Farah, Hamid, Kassem, Suleiman, Taha, Al-Ahmad, Darwish, Awad, Ismail, Omar, Said, ' +
        'Al-Hassan, Abdelrahman'),
    }],
    spellings: table({
      'Al-Sayed': 'El-Sayed, Elsayed, Al Sayed, Alsayed', 'Al-Ahmad': 'Alahmad, Al Ahmad, Al-Ahmed',
      'Al-Hassan': 'Alhassan, El-Hassan, Al Hasan', 'Abdelrahman': 'Abdulrahman, Abdel-Rahman, Abdalrahman',
      'Mahmoud': 'Mahmud, Mahmood', 'Othman': 'Osman, Uthman', 'Younis': 'Younes, Yunus',
      'Kassem': 'Qasim, Kasem', 'Suleiman': 'Sulaiman, Sulayman', 'Saleh': 'Salih', 'Said': 'Saeed, Sayed',
      'Jaber': 'Jabir', 'Hamid': 'Hameed', 'Awad': 'Awadh', 'Majed': 'Majid', 'Yahya': 'Yehia, Yahia',
      'Walid': 'Waleed', 'Rahaf': 'Rahf', 'Shahd': 'Shahed', 'Lujain': 'Lujayn', 'Ghena': 'Ghina',
    }),
  },
  {
    id: 'kurdish', transliterated: true, share: 1.2, givenZipf: 0.8, familyZipf: 0.9, assignedDob: 0.06,
    groups: [{
      share: 1,
      female: list('Shilan, Shireen, Avin, Berivan, Dilan, Hana, Jiyan, Lana, Nazdar, Roza, Runak, ' +
        'Sara, Shno, Tara, Zhino, Helin, Awaz, Bahar, Dunya, Evin, Gulistan, Kazhal, Niga, Rezan, ' +
        'Sozan, Viyan, Zara, Rozhin, Hataw, Lavin'),
      male: list('Azad, Karwan, Rebwar, Dilshad, Hawre, Shvan, Sherko, Aram, Baran, Hiwa, Kawa, ' +
        'Rizgar, Soran, Zana, Ari, Bakhtiyar, Dana, Hemin, Jwan, Karzan, Mohammed, Ahmad, Ali, Omer, ' +
        'Rawand, Sarkawt, Shaho, Diyar, Alan, Hogr'),
      family: list('Ahmed, Mohammed, Hussein, Abdullah, Rashid, Karim, Aziz, Qadir, Salih, Hamad, ' +
        'Mustafa, Omer, Ibrahim, Amin, Kurdi, Rahim, Rasul, Hassan, Othman, Faraj, Sharif, Jalal, ' +
        'Mahmud, Abdulla, Hama, Majid, Saeed, Osman, Tahir, Khidir'),
    }],
    spellings: table({
      'Omer': 'Omar, Umar', 'Rebwar': 'Rebuar', 'Shvan': 'Shivan, Shwan', 'Shireen': 'Shirin',
      'Qadir': 'Kadir, Qader', 'Salih': 'Saleh', 'Rasul': 'Rasool', 'Hawre': 'Hawri', 'Hiwa': 'Hewa',
      'Rizgar': 'Rezgar', 'Zhino': 'Jino, Zhina', 'Kazhal': 'Kajal', 'Rezan': 'Rizan', 'Avin': 'Aveen',
      'Sarkawt': 'Sarkaut', 'Bakhtiyar': 'Bakhtiar, Bakhtyar', 'Hemin': 'Hemn', 'Jwan': 'Jiwan',
      'Aziz': 'Azeez', 'Karim': 'Kareem', 'Faraj': 'Farag', 'Khidir': 'Khider, Khidr', 'Hama': 'Hamah',
      'Rozhin': 'Rojin', 'Ahmad': 'Ahmed', 'Mohammed': 'Muhammad, Mohamed',
    }),
  },
  {
    id: 'turkish', share: 1, givenZipf: 0.8, familyZipf: 0.9,
    groups: [{
      share: 1,
      female: list('Zeynep, Elif, Defne, Eylül, Azra, Ecrin, Asel, Nehir, Ayşe, Fatma, Emine, Hatice, ' +
        'Merve, Büşra, Esra, Selin, Derya, Ebru, Gizem, Hilal, İrem, Kübra, Melek, Nur, Özge, Sude, ' +
        'Şeyma, Tuğba, Yağmur, Zehra'),
      male: list('Yusuf, Eymen, Ömer, Mustafa, Ahmet, Mehmet, Emir, Kerem, Hamza, Ali, Burak, Can, ' +
        'Deniz, Efe, Emre, Eren, Furkan, Hüseyin, İbrahim, Kaan, Mert, Murat, Onur, Serkan, Yiğit, ' +
        'Arda, Baran, Berat, Çınar, Alperen'),
      family: list('Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, ' +
        'Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Özcan, Korkmaz, ' +
        'Çakır, Erdoğan, Yavuz, Can, Acar, Şen, Aktaş'),
    }],
    spellings: table({
      'Ayşe': 'Aishe', 'Şeyma': 'Shayma', 'Hüseyin': 'Hussein', 'Mehmet': 'Mehmed',
      'Ahmet': 'Ahmed', 'Çelik': 'Chelik', 'Şahin': 'Shahin', 'Şimşek': 'Shimshek', 'Koç': 'Koch',
      'Büşra': 'Bushra', 'Çınar': 'Chinar',
    }),
  },
  {
    id: 'roma', share: 1, givenZipf: 0.7, familyZipf: 0.9,
    groups: [
      {
        share: 0.5,
        female: list('Denisa, Nikola, Veronika, Simona, Kristína, Monika, Vanesa, Natália, Klaudia, ' +
          'Žaneta, Jessica, Sabina, Nikoleta, Mária, Renáta, Martina, Dominika, Lucia, Sofia, Lenka'),
        male: list('Patrik, Marek, Denis, Dominik, Samuel, Roman, Dávid, Tomáš, Jozef, Milan, Ladislav, ' +
          'Mário, Nikolas, Kevin, Erik, Lukáš, Matej, Róbert, Štefan, Richard'),
        family: list('Lakatoš, Balog, Horváth, Oláh, Dudáš, Gažo, Kaleja, Pompa, Giňa, Rigo, Bihari, ' +
          'Sarközi, Kováč, Tancoš, Dunka, Čonka, Husár, Pulko, Demeter, Mirga'),
      },
      {
        share: 0.3,
        female: list('Florentina, Mirela, Elena, Cosmina, Ramona, Loredana, Violeta, Gabriela, Daniela, ' +
          'Alina, Maria, Ionela, Roxana, Narcisa, Lavinia, Luminița, Nicoleta, Marinela, Carmen, Sara'),
        male: list('Ionel, Florin, Marian, Dănuț, Costel, Gheorghe, Vasile, Adrian, Robert, Nicolae, ' +
          'Cătălin, Fănel, Marin, Sorin, Ion, Gabriel, Daniel, Alexandru, Mihai, Petrică'),
        family: list('Rostaș, Căldărar, Lăcătuș, Stoica, Dumitru, Ursu, Gabor, Mihai, Zlătaru, Constantin, ' +
          'Niculae, Dinu, Marin, Radu, Lingurar, Florea, Stan, Badea, Ciurar, Tănase'),
      },
      {
        share: 0.2,
        female: list('Mary, Bridget, Margaret, Kathleen, Ellen, Nora, Shannon, Chelsea, Rose, Tina, ' +
          'Lacey, Courtney, Ruby, Violet, Esther, Lavender, Jodie, Chantelle, Tiffany, Nicole'),
        male: list('John, Patrick, Michael, Thomas, Martin, James, Levi, Jimmy, Joe, Johnny, Tommy, ' +
          'Henry, Billy, Noah, Frankie, Riley, Jesse, Eli, Elijah, Isaac'),
        family: list('Lee, Smith, Boswell, Lovell, Price, Cooper, Buckley, Loveridge, Doran, McDonagh, ' +
          'Ward, Joyce, Delaney, Maughan, Stokes, Connors, Gaskin, Hearne, Finney, Taylor'),
      },
    ],
    spellings: table({
      'Balog': 'Balogh', 'Lakatoš': 'Lakatosh', 'Gažo': 'Gazho', 'Giňa': 'Ginya',
      'Rostaș': 'Rostash', 'Lăcătuș': 'Lakatos', 'Căldărar': 'Kaldarar',
      'Maughan': 'Mongan, Maugham', 'McDonagh': 'McDonough, MacDonagh', 'Connors': "O'Connor, Connor",
    }),
  },
  {
    id: 'eritrean', transliterated: true, share: 0.5, givenZipf: 0.8, familyZipf: 0.8, patronymic: true, assignedDob: 0.1,
    doubleFamily: { rate: 1, joiner: ' ', recorded: [0.15, 0.8, 0.05] },
    groups: [{
      share: 1,
      female: list('Helen, Selam, Saba, Ruth, Luwam, Senait, Hiwet, Yordanos, Feven, Meron, Rahel, ' +
        'Winta, Lidia, Eden, Hanna, Freweini, Mebrat, Tsega, Aster, Milka, Segen, Semhar, ' +
        'Bethlehem, Ariam, Danait, Elsa, Merhawit, Nebiat, Simret, Yohana'),
      male: list('Yonas, Daniel, Samuel, Filmon, Tesfaye, Mehari, Biniam, Dawit, Robel, Habtom, ' +
        'Kidane, Yohannes, Mulugeta, Tekle, Berhane, Michael, Semere, Amanuel, Efrem, Henok, Nahom, ' +
        'Abel, Ermias, Siem, Merhawi, Ghebre, Tsegay, Haile, Goitom, Tewelde'),
      family: [],
    }],
    spellings: table({
      'Yohannes': 'Yohanes, Johannes', 'Tesfaye': 'Tesfay, Tesfai', 'Berhane': 'Berhani, Birhane',
      'Mehari': 'Mehary', 'Senait': 'Senayt', 'Biniam': 'Biniyam', 'Filmon': 'Philemon',
      'Amanuel': 'Emanuel, Emmanuel', 'Tekle': 'Teklay, Tekleh', 'Kidane': 'Kidani',
      'Mulugeta': 'Mulugheta', 'Efrem': 'Ephrem', 'Henok': 'Enoch', 'Merhawi': 'Merhawie',
      'Hiwet': 'Hiwot', 'Luwam': 'Luam', 'Danait': 'Danayt', 'Ariam': 'Aryam', 'Selam': 'Salam',
      'Ghebre': 'Gebre, Ghebray', 'Tsegay': 'Tsegai, Tsegaye', 'Goitom': 'Goytom', 'Tewelde': 'Tewolde',
      'Haile': 'Hayle', 'Yonas': 'Jonas', 'Dawit': 'David', 'Yohana': 'Johanna',
    }),
  },
];

// Nicknames and short forms used for people of any origin (an origin's own table is looked up
// first). Keys are given names; values the forms a record may show instead.
export const NICKNAMES = table({
  'Katherine': 'Kate, Katie, Kath, Kat', 'Catherine': 'Cath, Cathy, Kate', 'Elizabeth': 'Liz, Lizzie, Beth, Eliza',
  'William': 'Will, Bill, Billy, Liam', 'James': 'Jim, Jimmy, Jamie', 'Thomas': 'Tom, Tommy',
  'Joshua': 'Josh', 'Samuel': 'Sam, Sammy', 'Daniel': 'Dan, Danny', 'Matthew': 'Matt',
  'Christopher': 'Chris', 'Alexander': 'Alex, Xander', 'Benjamin': 'Ben, Benji', 'Edward': 'Ed, Eddie, Ted',
  'Robert': 'Rob, Bob, Bobby', 'Michael': 'Mike, Mikey', 'Joseph': 'Joe, Joey', 'Henry': 'Harry, Hal',
  'Nathan': 'Nate', 'Nathaniel': 'Nate, Nat', 'Jacob': 'Jake', 'Jonathan': 'Jon, Jonny',
  'Patrick': 'Pat, Paddy', 'Frederick': 'Fred, Freddie', 'Charlotte': 'Lottie, Charlie',
  'Jessica': 'Jess, Jessie', 'Rebecca': 'Becky, Becca', 'Samantha': 'Sam, Sammy', 'Victoria': 'Vicky, Tori',
  'Abigail': 'Abbie, Abby', 'Eleanor': 'Ellie, Nell', 'Isabella': 'Bella, Izzy', 'Amelia': 'Millie, Amy',
  'Megan': 'Meg', 'Harriet': 'Hattie', 'Matilda': 'Tilly', 'Florence': 'Flo, Florrie', 'Olivia': 'Liv, Livvy',
  'Danielle': 'Dani', 'Margaret': 'Maggie, Peggy', 'Kathleen': 'Kath, Kathy', 'Bridget': 'Biddy',
  'Muhammad': 'Mo, Mohd', 'Mohammed': 'Mo, Mohd', 'Mohamed': 'Mo', 'Ibrahim': 'Ibby',
  'Abdullah': 'Abdul', 'Abdirahman': 'Abdi', 'Gabriela': 'Gabi', 'Veronika': 'Nika',
});

// Spelling and romanisation variants for any origin (an origin's own table is looked up first):
// the same name written another way, as a different clerk or a different document would.
// Accents are dropped separately (see accents in records.mjs), so plain-letter forms of accented
// names are not listed.
export const SPELLINGS = table({
  'Mohammed': 'Muhammad, Mohamed, Mohammad, Muhammed, Mohamad', 'Muhammad': 'Mohammed, Muhammed, Mohammad',
  'Mohamed': 'Mohammed, Mohamad', 'Mohammad': 'Mohammed, Muhammad', 'Ahmed': 'Ahmad', 'Ahmad': 'Ahmed',
  'Omar': 'Umar, Omer', 'Umar': 'Omar', 'Yusuf': 'Yousuf, Yousef, Youssef', 'Youssef': 'Yousef, Yusuf, Youcef',
  'Hussein': 'Hussain, Husain, Husein', 'Hussain': 'Hussein, Husain', 'Hassan': 'Hasan',
  'Aisha': 'Aysha, Ayesha, Aishah', 'Ayesha': 'Aisha, Aysha', 'Maryam': 'Mariam, Maryum', 'Mariam': 'Maryam',
  'Zainab': 'Zaynab, Zeinab', 'Fatima': 'Fatimah, Fatema', 'Khadija': 'Khadijah, Khadeeja',
  'Abdullah': 'Abdallah, Abdulla', 'Khalid': 'Khaled', 'Mustafa': 'Mostafa, Mustapha', 'Hamza': 'Hamzah',
  'Noor': 'Nour, Nur', 'Layla': 'Leila, Laila, Leyla', 'Leyla': 'Layla, Leila', 'Yasmin': 'Yasmine, Jasmin',
  'Ibrahim': 'Ebrahim, Ibraheem', 'Ismail': 'Ismael, Esmail', 'Qureshi': 'Kureshi, Quraishi',
  'Chaudhry': 'Chaudhary, Choudhry', 'Choudhury': 'Chowdhury, Chaudhury', 'Chowdhury': 'Choudhury, Chaudhury, Chowdhary',
  'Yousaf': 'Yusuf, Yousuf', 'Mahmood': 'Mahmud', 'Saleem': 'Salim', 'Iqbal': 'Ikbal', 'Javed': 'Javaid, Jawed',
  'Rashid': 'Rasheed', 'Shafiq': 'Shafique', 'Tariq': 'Tarik', 'Zain': 'Zayn', 'Rayyan': 'Rayan',
  'Inaya': 'Inayah', 'Mahnoor': 'Mahnur', 'Iqra': 'Ikra', 'Hafsa': 'Hafsah', 'Eman': 'Iman', 'Hania': 'Haniya',
  'Laiba': 'Layba', 'Usman': 'Osman, Uthman', 'Haris': 'Harris', 'Danyal': 'Daniyal, Daniel', 'Musa': 'Moosa',
  'Haider': 'Hyder, Haidar', 'Asad': 'Assad', 'Bilal': 'Belal', 'Imran': 'Emran', 'Rehman': 'Rahman',
  'Rahman': 'Rehman', 'Siddiqui': 'Siddiqi, Siddique', 'Hameed': 'Hamid', 'Kausar': 'Kauser, Kawsar',
  'Katherine': 'Kathryn, Catherine, Katharine', 'Catherine': 'Katherine, Kathryn', 'Callum': 'Calum',
  'Kayleigh': 'Kayley, Kaylee', 'Hannah': 'Hanna', 'Leah': 'Lea, Leigh', 'Lacey': 'Lacie, Lacy',
  'Evie': 'Evey', 'Rosie': 'Rosy', 'Millie': 'Milly', 'Mia': 'Mya', 'Isabella': 'Isabela', 'Lewis': 'Louis',
  'Louie': 'Louis, Louey', 'Finley': 'Finlay', 'Zoë': 'Zoey', 'Chloe': 'Chloë', 'Jasmine': 'Jasmin',
  'Megan': 'Meghan', 'Sarah': 'Sara', 'Emily': 'Emilie', 'Matthew': 'Mathew', 'Phoebe': 'Pheobe',
  'Caitlin': 'Katelyn, Caitlyn', 'Courtney': 'Cortney', 'Connor': 'Conor', 'Frankie': 'Franky',
  'Ronnie': 'Ronny', 'Jenson': 'Jensen', 'Reuben': 'Ruben', 'Jayden': 'Jaden, Jaiden', 'Freddie': 'Freddy',
  'Alfie': 'Alfy', 'Archie': 'Archy', 'Jamie': 'Jaime', 'Riley': 'Rylee', 'Kieran': 'Ciaran',
  'Davies': 'Davis', 'Clarke': 'Clark', 'Clark': 'Clarke', 'Thompson': 'Thomson', 'Phillips': 'Philips',
  'Griffiths': 'Griffith', 'Brown': 'Browne', 'Green': 'Greene', 'Cook': 'Cooke', 'Marshall': 'Marshal',
  'Simpson': 'Simson',
});
