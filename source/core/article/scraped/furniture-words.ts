/**
The vocabulary of page furniture, by what it is, in English and the languages inkwire has fixtures for (French,
German, Spanish, Italian, Portuguese, Arabic, Japanese, Chinese). These are generic words any site uses for its
menus, buttons and boxes; the few phrases only one site prints are in `siteSpecific` below, with the site named.
Everything is compared after `normalizePhrase`: lower case, plain apostrophes, no counts or arrows at the ends.
*/

/** What a piece of furniture is. `isEnd`: it starts the trailing furniture, and nothing after it is the article. */
export type FurnitureKind = 'skip' | 'nav' | 'account' | 'search' | 'cookie' | 'ticker' | 'share' | 'ad' | 'related'
	| 'newsletter' | 'paywall' | 'comments' | 'copyright' | 'tags' | 'standards' | 'toggle' | 'reading-time' | 'follow'
	| 'press';

type Entry = readonly [kind: FurnitureKind, isEnd: boolean];

/** Whole lines. */
const lines: ReadonlyArray<readonly [FurnitureKind, boolean, readonly string[]]> = [
	['skip', false, ['skip links', 'skip to content', 'перейти к содержанию', 'przejdź do treści', 'lompat ke konten', 'navigation menu', 'open navigation menu', 'close navigation menu', 'skip to main content', 'skip to main navigation', 'skip to navigation',
		'skip to search', 'skip to footer', 'jump to content', 'jump to main content', 'jump to navigation',
		'aller au contenu', 'aller au contenu principal', 'zum inhalt springen', 'zum hauptinhalt springen', 'ir al contenido',
		'saltar al contenido', 'vai al contenuto', 'ir para o conteúdo', 'pular para o conteúdo', 'naar de inhoud',
		'ga naar de inhoud', '본문 바로가기', '본문으로 바로가기', 'تخطى إلى المحتوى', 'الانتقال إلى المحتوى',
		'本文へ移動', '本文へスキップ', 'メインコンテンツへスキップ', '跳到主要内容', '跳转到主要内容', '跳过导航']],
	['account', false, ['sign in', 'sign in / register', 'sign in/register', 'sign in or register', 'register', 'log in',
		'login', 'log in / register', 'log out', 'my account', 'account', 'sign up', 'join', 'subscribe', 'subscribe now',
		'become a member', 'support us', 'donate', 'manage account', 'se connecter', "s'abonner", 'connexion', "s'inscrire",
		'mon compte', 'anmelden', 'abonnieren', 'registrieren', 'mein konto', 'abo', 'iniciar sesión', 'suscríbete',
		'regístrate', 'mi cuenta', 'accedi', 'abbonati', 'entrar', 'assine', 'تسجيل الدخول', 'اشترك', 'حسابي', 'ログイン',
		'会員登録', '新規登録', 'マイページ', '登录', '注册', '登录/注册', '订阅', 'assine', 'inloggen', 'abonneren',
		'로그인', '회원가입', '구독', 'войти', 'zaloguj się', 'masuk', 'daftar', 'watch live']],
	['search', false, ['search', 'search news', 'search the site', 'search…', 'search...', 'type to search', 'rechercher',
		'recherche', 'suche', 'suchen', 'buscar', 'búsqueda', 'cerca', 'pesquisar', 'بحث', 'ابحث', '検索', '搜索']],
	['share', false, ['share', 'share this', 'share this article', 'share this story', 'share this page', 'share this post', 'likes', 'like', 'share article',
		'share on facebook', 'share on twitter', 'share on x', 'share on whatsapp', 'share via email', 'copy link',
		'link copied', 'save', 'save article', 'saved', 'print', 'email', 'e-mail', 'facebook', 'twitter', 'x', 'whatsapp',
		'linkedin', 'reddit', 'telegram', 'messenger', 'pinterest', 'flipboard', 'gift article', 'gift this article',
		'listen', 'listen to this article', 'play', 'watch', 'more', 'close', 'menu', 'back to top', 'top', 'next',
		'previous', 'font size', 'show more', 'show less', 'read more', 'load more', 'see more', 'key points', 'partager', 'partager cet article', 'imprimer', 'teilen', 'artikel teilen', 'drucken',
		'compartir', 'imprimir', 'condividi', 'stampa', 'compartilhar', 'مشاركة', 'شارك', 'طباعة', 'シェア', '共有', '印刷',
		'分享', '打印', '收藏']],
	['ad', false, ['advertisement', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content', 'promoted',
		'story continues below', 'story continues below advertisement', 'article continues below', 'continue reading',
		'continue reading below', 'continue reading the main story', 'scroll to continue', 'scroll to continue with content',
		'skip advertisement', 'publicité', 'anzeige', 'werbung', 'publicidad', 'pubblicità', 'publicidade', 'إعلان', '広告',
		'广告', 'スポンサーリンク']],
	['related', true, ['related', 'related articles', 'related article', 'related stories', 'related news',
		'related content', 'related coverage', 'related topics', 'related posts', 'related reading', 'more on this story',
		'more from this section', 'more stories', 'more news', 'more to explore', 'most read', 'most popular',
		'most viewed', 'most shared', 'most watched', 'top stories', 'trending', 'trending now', 'latest news',
		'latest stories', 'recommended', 'recommended for you', 'recommended stories', 'you may also like',
		'you might also like', 'you may be interested in', 'around the web', "what's next", 'sur le même sujet',
		'les plus lus', 'à lire aussi', 'lire aussi', 'dans la même rubrique', 'meistgelesen', 'mehr zum thema',
		'das könnte sie auch interessieren', 'lo más leído', 'noticias relacionadas', 'te puede interesar', 'más noticias',
		'i più letti', 'leggi anche', 'mais lidas', 'leia também', 'veja também', 'meest gelezen', 'lees ook',
		'많이 본 뉴스', '관련기사', '관련 기사', '인기기사', 'discussion about this post', 'популярное', 'читайте также',
		'najczęściej czytane', 'berita terkait', 'terpopuler', 'trending stories', 'top stories', 'الأكثر قراءة', 'مواضيع ذات صلة', 'أخبار ذات صلة',
		'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ ايضا', 'اقرأ المزيد', '関連記事', '関連ニュース', 'あわせて読みたい', '人気記事',
		'アクセスランキング', '相关新闻', '相关阅读', '推荐阅读', '延伸阅读', '热门文章', '热门新闻']],
	['newsletter', false, ['newsletter', 'newsletters', 'sign up to our newsletter', 'sign up for our newsletter',
		'enter your email', 'enter your email address', 'type your email', 'meld je aan voor onze nieuwsbrief', 'email address', 'your email', 'thank you for subscribing',
		'thanks for signing up', 'privacy notice', 'privacy policy']],
	['comments', true, ['comments', 'comment', 'komentarze', 'комментарии', 'komentar', 'view comments', 'share or comment on this article', 'share what you think', 'show comments', 'view comments', 'add a comment', 'leave a comment',
		'leave a reply', 'join the conversation', 'join the discussion', 'have your say', 'commentaires', 'réagir',
		'kommentare', 'comentarios', 'commenti', 'comentários', 'التعليقات', 'コメント', '评论']],
	['toggle', false, ['hide caption', 'show caption', 'toggle caption', 'caption', 'image caption', 'photo caption', 'légende', 'expand', 'collapse', 'enlarge',
		'enlarge this image', 'view image in fullscreen', 'view gallery', 'open gallery', 'fullscreen', 'image', 'photo',
		'video', 'play video', 'watch video', 'watch:', 'gallery', 'photos']],
	['follow', true, ['follow us', 'follow', 'suivez-nous', 'folgen sie uns', 'síguenos', 'seguici', 'تابعنا', 'フォローする', '关注我们']],
	['press', false, ['for immediate release', 'press release', 'news release', 'communiqué de presse', 'pressemitteilung', 'nota de prensa']],
	['press', true, ['###', '# # #', '-30-', 'ends', '-ends-', '- ends -', 'notes to editors', 'note to editors',
		'media contact', 'media contacts', 'press contact', 'for more information', 'contact']],
	['paywall', true, ['subscribe to continue reading', 'subscribe to read', 'subscribe to read more', 'subscribers only',
		'this article is for subscribers only', 'already a subscriber? sign in', 'already a subscriber? log in',
		'already a subscriber?', 'unlock this article', 'to continue reading, subscribe', 'réservé aux abonnés',
		"cet article est réservé aux abonnés", 'nur für abonnenten', 'exclusivo para suscriptores', 'solo para suscriptores',
		'riservato agli abbonati', 'exclusivo para assinantes', 'للمشتركين فقط', '有料会員限定', '会员专享']],
];

/** Line starts: the rest of the line is a link, a list of tags or a credit. */
const starts: ReadonlyArray<readonly [FurnitureKind, boolean, readonly string[]]> = [
	['related', false, ['читайте также', 'смотрите также', 'czytaj także', 'czytaj też', 'zobacz też', 'baca juga', 'baca:',
		'ayrıca okuyun', 'lue myös', 'läs också', 'læs også', 'les også', 'přečtěte si také', 'citește și',
		'관련기사', '▶ 관련기사', 'lees ook:', 'veja também:', 'read more:', 'read more ', 'read more about', 'also read:', 'read also:', 'see also:', 'related:',
		'more:', 'watch:', 'listen:', 'explainer:', 'lire aussi :', 'lire aussi:', 'à lire aussi :', 'voir aussi :',
		'lesen sie auch:', 'lesen sie auch', 'mehr dazu:', 'lee también:', 'lea también:', 'leer más:', 'leggi anche:',
		'leia também:', 'اقرأ أيضا:', 'اقرأ أيضاً:', 'اقرأ أيضا', 'اقرأ المزيد:', '関連記事:', '関連：', '相关阅读：', '延伸阅读：']],
	['tags', true, ['tags:', 'tagged:', 'topics:', 'теги:', 'tagi:', 'etiket:', 'filed under:', 'filed under', 'categories:', 'mots-clés :',
		'schlagworte:', 'themen:', 'etiquetas:', 'temas:', 'argomenti:', 'الكلمات المفتاحية', 'タグ：', '标签：', '关键词：']],
	['copyright', true, ['©', '(c) ', 'copyright', 'all rights reserved', 'tous droits réservés', 'alle rechte vorbehalten',
		'todos los derechos reservados', 'جميع الحقوق محفوظة', '無断転載', '版权所有', 'riproduzione riservata', 'hak cipta',
		'무단전재', '저작권자']],
	['follow', true, ['follow us on', 'follow us:', 'follow the ', 'like us on', 'suivez-nous sur', 'folgen sie uns auf',
		'síguenos en']],
	['newsletter', false, ['sign up for ', 'sign up to ', 'get our ', 'subscribe to our ', 'subscribe to the ',
		'inscrivez-vous', 'abonnez-vous à', 'melden sie sich', 'suscríbete a', 'iscriviti alla', 'اشترك في']],
	['standards', true, ['this article appears in', 'this article appeared in', 'this article was first published',
		'this article was originally published', 'this article originally appeared', 'this story was originally published',
		'a version of this article', 'this story first appeared', 'our standards:', 'editorial standards', 'why you can trust', 'corrections policy', 'ethics policy',
		'责任编辑', '【编辑', '（编辑', '编辑：', '（责任编辑']],
	['reading-time', false, ['reading time:', 'temps de lecture', 'lesezeit', 'tiempo de lectura']],
];

/** A quick test (no Unicode mode, no word boundaries) that a line may hold any of the box words below. */
export const mayBeBox = /cookie|consent|gdpr|utilisons|verwenden|utilizamos|ملفات|クッキー|newsletter|inbox|sign up|subscri|e-?mail|abonn|suscri|assinantes|für abonnenten|continue reading|keep reading/i;

/** Words that, in a long line, mark cookie notices, newsletter boxes and paywalls ("We use cookies... Accept all"). */
export const boxWords: ReadonlyArray<readonly [FurnitureKind, RegExp]> = [
	['cookie', /\bcookies?\b|\bconsent\b|\bgdpr\b|\bnous utilisons des\b|\bwir verwenden\b|\butilizamos\b|ملفات تعريف الارتباط|クッキー|Cookie/iu],
	['newsletter', /\bnewsletters?\b|\binbox\b|\bsign up\b|\bsubscribe\b|\bemail address\b|\be-mail\b|\bunsubscribe\b/i],
	['paywall', /\bsubscri(?:be|ber|bers|ption)\b.{0,40}\b(?:continue|read|access|unlock|sign in|log in)\b|\b(?:continue|keep) reading\b.{0,40}\bsubscri|réservé aux abonnés|für abonnenten|para (?:suscriptores|assinantes)/i],
];

/** Short words that show the rest of a cookie or paywall line is buttons: "Accept all", "Manage preferences". */
export const boxButtons = /\b(?:accept|reject|agree|manage|settings|preferences|privacy|policy|partners|continue|accepter|refuser|akzeptieren|ablehnen|aceptar|rechazar|accetta)\b|同意|接受|قبول/iu;

/**
Phrases only particular sites print, kept apart so that the general tables stay general. Each is a whole line
after `normalizePhrase`.
*/
const siteSpecific: ReadonlyArray<readonly [string, FurnitureKind, boolean, string]> = [
	['editor picks', 'related', true, 'Asharq Al-Awsat: the box of picks after every article'],
	["editor's picks", 'related', true, 'NHK World and others'],
	['editors picks', 'related', true, 'a spelling of the same box'],
	['our standards: the thomson reuters trust principles', 'standards', true, 'Reuters: under every story'],
	['the trust project', 'standards', true, 'sites in the Trust Project'],
	['more from this section', 'related', true, 'BBC'],
	['ad feedback', 'ad', false, 'CNN: under every video and ad slot'],
	['video ad feedback', 'ad', false, 'CNN'],
	['click here to share on social media', 'share', false, 'Al Jazeera: the share button'],
	['share2', 'share', false, 'Al Jazeera: the share icon\'s text'],
	['view image in fullscreen', 'toggle', false, 'The Guardian: image button'],
	['skip past newsletter promotion', 'newsletter', false, 'The Guardian: newsletter box'],
	['after newsletter promotion', 'newsletter', false, 'The Guardian: newsletter box'],
];

const exact = new Map<string, Entry>();
for (const [kind, isEnd, phrases] of lines) {
	for (const phrase of phrases) {
		exact.set(phrase, [kind, isEnd]);
	}
}

for (const [phrase, kind, isEnd] of siteSpecific) {
	exact.set(phrase, [kind, isEnd]);
}

// Line starts by their first character, so a line is compared with the few that could match, in the table's order.
const startsByCharacter = new Map<string, Array<readonly [string, FurnitureKind, boolean]>>();
for (const [kind, isEnd, prefixes] of starts) {
	for (const prefix of prefixes) {
		const list = startsByCharacter.get(prefix[0]!) ?? [];
		list.push([prefix, kind, isEnd]);
		startsByCharacter.set(prefix[0]!, list);
	}
}

/** A line as compared with the tables: lower case, curly apostrophes straightened, bullets, counts and arrows cut. */
export function normalizePhrase(text: string): string {
	return text.toLowerCase().replaceAll('’', '\'').replace(/^[\s•·▶►›»>|\-–—*]+/, '').replace(/^\d{1,6}\s(?=\p{L})/u, '')
		.replace(/[\s:：.,!…›»>→|▼▾+]+$/, '').replace(/\s*[([]?\d{1,5}[)\]]?$/, '').replace(/\s\d{1,5}\s/, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** The furniture a whole line is, from the tables; undefined when the line is not in them. */
export function lookUpFurniture(text: string): {kind: FurnitureKind; isEnd: boolean; phrase: string} | undefined {
	if (text.length > 240) {
		return undefined;
	}

	// The longest whole-line phrase has about 50 characters; longer lines can only start with one.
	if (text.length <= 64) {
		const phrase = normalizePhrase(text);
		const whole = exact.get(phrase);
		if (whole) {
			return {kind: whole[0], isEnd: whole[1], phrase};
		}
	}

	const lower = text.slice(0, 60).toLowerCase().replaceAll('’', '\'').trimStart();
	for (const [prefix, kind, isEnd] of startsByCharacter.get(lower[0] ?? '') ?? []) {
		if (lower.startsWith(prefix)) {
			return {kind, isEnd, phrase: prefix.trim()};
		}
	}

	return undefined;
}

/** Section names sites put in their menus, in the languages above: a line made mostly of these is navigation. */
export const sectionWords = new Set([
	'home', 'news', 'world', 'uk', 'us', 'u.s.', 'politics', 'business', 'tech', 'technology', 'science', 'health',
	'sport', 'sports', 'football', 'culture', 'arts', 'entertainment', 'lifestyle', 'life', 'style', 'travel', 'opinion',
	'opinions', 'video', 'videos', 'audio', 'podcasts', 'podcast', 'live', 'weather', 'local', 'national',
	'international', 'economy', 'markets', 'money', 'climate', 'environment', 'education', 'food', 'books', 'music',
	'film', 'tv', 'media', 'more', 'latest', 'europe', 'asia', 'africa', 'americas', 'australia', 'india', 'china',
	'middle', 'east', 'investigations', 'newsletters', 'games', 'puzzles', 'crosswords', 'obituaries', 'magazine', 'jobs',
	'cars', 'crime', 'society', 'photos', 'features', 'analysis', 'reviews', 'fashion', 'wellness', 'earth',
	'innovation', 'region', 'regions', 'city', 'county', 'property', 'homes', 'motoring', 'celebrity', 'showbiz',
	'tv&radio', 'radio', 'shop', 'deals', 'menu', 'sections', 'topics', 'all', 'my', 'account', 'search', 'subscribe',
	'sign', 'in', 'register', 'login', 'edition', 'global', 'lifestyle', 'science', 'accueil', 'actualités',
	'actualité', 'monde', 'france', 'politique', 'économie', 'société', 'sciences', 'santé', 'planète', 'idées', 'vidéos',
	'régions', 'météo', 'faits', 'divers', 'startseite', 'nachrichten', 'politik', 'wirtschaft', 'kultur', 'wissen',
	'panorama', 'gesellschaft', 'meinung', 'regional', 'ausland', 'inland', 'digital', 'reise', 'gesundheit', 'wetter',
	'inicio', 'portada', 'noticias', 'internacional', 'españa', 'política', 'economía', 'deportes', 'sociedad', 'ciencia',
	'tecnología', 'opinión', 'vídeo', 'salud', 'gente', 'televisión', 'cultura', 'esportes', 'economia', 'mundo',
	'brasil', 'política', 'cronaca', 'esteri', 'sport', 'spettacoli', 'الرئيسية', 'أخبار', 'سياسة', 'اقتصاد', 'رياضة',
	'ثقافة', 'مقالات', 'فيديو', 'منوعات', 'العالم', 'تكنولوجيا', 'صحة', 'رأي', 'محليات', 'عربي', 'دولي', 'ホーム', 'トップ',
	'ニュース', '国内', '国際', '政治', '経済', '社会', 'スポーツ', '文化', '科学', '天気', 'ライフ', 'エンタメ', '地域',
	'動画', '速報', '首页', '新闻', '国际', '财经', '体育', '娱乐', '科技', '军事', '评论', '视频', '图片', '教育', '健康',
	'汽车', '房产', '旅游', '时政', '뉴스', '정치', '경제', '사회', '국제', '문화', '스포츠', '연예', '오피니언', '지역',
	'nieuws', 'binnenland', 'buitenland', 'economie', 'notícias', 'esportes', 'cronaca', 'spettacoli',
	'главная', 'новости', 'политика', 'экономика', 'общество', 'спорт', 'культура', 'мир', 'наука', 'berita', 'nasional',
	'internasional', 'ekonomi', 'olahraga', 'wiadomości', 'kraj', 'świat', 'gospodarka', 'kultura', 'alerts', 'traffic',
	'contests', 'video', 'photos',
	'&', '|', '/', '·', '•',
	// Kickers: labels over a headline that say what kind of story it is.
	'exclusive', 'breaking', 'explainer', 'watch', 'pictured', 'update', 'updates', 'revealed', 'interview',
	'feature', 'comment', 'special', 'report', 'investigation', 'factcheck', 'exklusiv', 'exclusif', 'exclusiva',
]);

/** Labels that start a breaking-news ticker line. */
export const tickerStart = /^(?:breaking(?: news)?|just in|live|developing|latest|flash|alert|weather|traffic|markets|dernière minute|dernière heure|en direct|eilmeldung|liveticker|última hora|en directo|ultim'ora|urgente|عاجل|速報|突发|快讯)\s?[:：|\-–—]\s?/i;
