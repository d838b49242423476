import { Rng } from './prng';

export type NameCulture = 'us' | 'tr' | 'eg' | 'bd';

interface NameList {
  given: readonly string[];
  family: readonly string[];
  /** Names written in the local script, used for a share of the agents of the site. */
  nativeGiven?: readonly string[];
  nativeFamily?: readonly string[];
  nativeShare?: number;
}

const NAMES: Record<NameCulture, NameList> = {
  us: {
    given: [
      'James', 'Maria', 'José', 'Ashley', 'Tyrone', 'Jennifer', 'Michael', 'Keisha', 'David',
      'Emily', 'Carlos', 'Brianna', 'Kevin', 'Jessica', 'Marcus', 'Lauren', 'Daniel', 'Samantha',
      'André', 'Megan', 'Luis', 'Tiffany', 'Brandon', 'Nicole', 'Derek', 'Alyssa', 'Jamal', 'Rachel',
      'Tyler', 'Vanessa', 'Erik', 'Monique', 'Sofía', 'Dominique', 'Connor', 'Latoya',
    ],
    family: [
      'Johnson', 'García', 'Williams', 'Martínez', 'Brown', 'Davis', 'Rodríguez', 'Miller', 'Wilson',
      'Anderson', 'Thomas', 'Jackson', 'White', 'Harris', 'López', 'Clark', 'Lewis', 'Walker', 'Hall',
      'Young', "O'Brien", 'Nguyen', 'Kowalski', 'Washington', 'Patel', 'Reyes', 'Murphy', 'Brooks',
      'Nowak', 'Okafor',
    ],
  },
  tr: {
    given: [
      'Ayşe', 'Mehmet', 'Fatma', 'Mustafa', 'Zeynep', 'Emre', 'Elif', 'Burak', 'Şule', 'Çağrı',
      'Gökhan', 'Özge', 'İbrahim', 'Hülya', 'Serkan', 'Gülşen', 'Oğuz', 'Büşra', 'Kübra', 'Barış',
      'Merve', 'Uğur', 'Tuğba', 'Yiğit', 'Ebru', 'Kaan', 'Selin', 'Onur', 'Deniz', 'Cansu', 'Ömer',
      'Şeyma',
    ],
    family: [
      'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın',
      'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan',
      'Şimşek', 'Polat', 'Güneş', 'Aksoy', 'Tekin', 'Bulut', 'Avcı', 'Karaca', 'Uçar', 'Ünal',
    ],
  },
  eg: {
    given: [
      'Ahmed', 'Mohamed', 'Mahmoud', 'Nour', 'Mariam', 'Youssef', 'Salma', 'Omar', 'Aya', 'Mostafa',
      'Hana', 'Karim', 'Yasmin', 'Amr', 'Dina', 'Tarek', 'Rana', 'Hassan', 'Shaimaa', 'Khaled',
      'Heba', 'Ali', 'Esraa', 'Sherif', 'Reem', 'Mina', 'Marina', 'Bishoy', 'Fatma', 'Ibrahim',
    ],
    family: [
      'El-Sayed', 'Abdel-Rahman', 'Hassan', 'Mahmoud', 'Ibrahim', 'Mostafa', 'Farouk', 'Fawzy',
      'Soliman', 'Ashour', 'Gaber', 'Hegazy', 'Naguib', 'Shenouda', 'Girgis', 'Abdel-Aziz',
      'El-Masry', 'Ramadan', 'Salem', 'Zaki', 'Khalil', 'Hamdy', 'Fathy', 'Nasser', 'Youssef',
    ],
    nativeGiven: ['أحمد', 'محمد', 'محمود', 'نور', 'مريم', 'يوسف', 'سلمى', 'عمر', 'آية', 'كريم', 'ياسمين', 'هبة'],
    nativeFamily: ['السيد', 'عبد الرحمن', 'حسن', 'إبراهيم', 'مصطفى', 'فاروق', 'سليمان', 'عاشور', 'ناجي'],
    nativeShare: 0.12,
  },
  bd: {
    given: [
      'Rahim', 'Karim', 'Fatema', 'Nusrat', 'Tanvir', 'Sadia', 'Arif', 'Mim', 'Rafiq', 'Shirin',
      'Sabbir', 'Farhana', 'Imran', 'Tasnim', 'Mahmud', 'Jannatul', 'Rakib', 'Sumaiya', 'Habib',
      'Nasrin', 'Sajid', 'Afroza', 'Rezaul', 'Shamima', 'Anik', 'Priya', 'Sourav', 'Moumita', 'Joy',
      'Rupa',
    ],
    family: [
      'Hossain', 'Rahman', 'Islam', 'Ahmed', 'Akter', 'Chowdhury', 'Khan', 'Uddin', 'Begum',
      'Sarkar', 'Das', 'Roy', 'Miah', 'Talukder', 'Bhuiyan', 'Sheikh', 'Siddique', 'Haque', 'Karim',
      'Mondal', 'Saha', 'Barua',
    ],
    nativeGiven: ['রহিম', 'করিম', 'ফাতেমা', 'নুসরাত', 'তানভীর', 'সাদিয়া', 'আরিফ', 'শিরিন', 'ইমরান', 'প্রিয়া'],
    nativeFamily: ['হোসেন', 'রহমান', 'ইসলাম', 'আহমেদ', 'চৌধুরী', 'দাস', 'রায়', 'সরকার'],
    nativeShare: 0.1,
  },
};

/** A full name from the site's name lists; a share of Cairo and Dhaka names in the local script. */
export function makeFullName(rng: Rng, culture: NameCulture): string {
  const list = NAMES[culture];
  if (list.nativeGiven && list.nativeFamily && rng.chance(list.nativeShare ?? 0)) {
    return `${rng.pick(list.nativeGiven)} ${rng.pick(list.nativeFamily)}`;
  }
  return `${rng.pick(list.given)} ${rng.pick(list.family)}`;
}
