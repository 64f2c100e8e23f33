/**
 * Page furniture: the parts of a web page that are not the article — dates
 * and view counts under link lists, "Related posts" captions, share and tag
 * lines. Pure predicates over one line of text, shared by both importers.
 */
import {textWidthEm} from '../deck/text.js'

const isoDate = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?/gu
const monthDate =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}\b/giu
const clock = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?\b/giu
const counts =
  /\d[\d,.]*\s*[kKwW万千]?\+?\s*(?:次|人|条)?\s*(?:阅读|浏览|点赞|评论|收藏|赞|转发|分享|粉丝|关注者|views?|reads?|likes?|comments?|replies|shares?|claps?|followers?|subscribers?|responses?)(?![A-Za-z])/giu
const countsBefore = /(?:阅读|浏览|点赞|评论|收藏|views?|likes?|comments?)(?:数|量|次数)?\s*[:：]?\s*\d[\d,.]*\s*[kKwW万]?(?![\d])/giu
const ago = /\b\d+\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|(?:\b\d+\s*min(?:ute)?s?\s+read\b)/giu
const filler = /^(?:posted|published|updated|written|last\s+updated|发布于|发表于|更新于|on|by|at|作者|来源|[\s|·•/\\,:：\-–—_()（）[\]])*$/iu

const captions = new RegExp(
  '^(?:' +
    [
      '相关(?:推荐|文章|阅读|内容|资源|链接|问题|博文|帖子)',
      '(?:推荐|延伸|热门|热点|精彩|最新|最近|最热|大家都在|你可能还想)(?:阅读|文章|推荐|更新|发布|评论|博文|标签|看|内容)',
      '猜你喜欢',
      '文章标签',
      '分享到',
      '全部评论',
      '评论(?:区|列表)?',
      '(?:上|下)一篇.*',
      '(?:related|recent|popular|latest|similar|trending|top|featured|more)\\s+(?:posts?|articles?|stories|reads?|reading|content|entries|links)',
      'you\\s+(?:may|might)\\s+also\\s+(?:like|enjoy)',
      'read\\s+(?:more|next)',
      'share\\s+(?:this|on)(?:\\s+\\w+)?',
      'leave\\s+a\\s+(?:comment|reply)',
      '\\d*\\s*(?:comments?|responses?|replies)',
      'about\\s+the\\s+author',
      'subscribe(?:\\s+.*)?',
      '(?:sign\\s+up\\s+for\\s+(?:our|the)\\s+)?newsletter',
      '(?:previous|next|older|newer)\\s+(?:post|article|entry)',
      'advertisements?',
      'sponsored'
    ].join('|') +
    ')$',
  'iu'
)

/** Buttons and links of a page's interface, copied along with the text. */
const controls =
  /^(?:follow(?:ing)?|unfollow|listen|share|like|reply|subscribe|sign\s+(?:in|up|out)|log\s+(?:in|out)|menu|search|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|print|email|save|bookmark|more|show\s+more|load\s+more|top|关注|已关注|点赞|收藏|分享|评论|举报|打赏|返回顶部|登录|注册|搜索|目录|展开|收起|展开全文|阅读全文)$/iu

const furnitureLine =
  /^(?:(?:written|posted|published)\s+by\s+\S|copyright\b|©|\(c\)\s*\d{4}|all\s+rights\s+reserved|版权所有|(?:tags?|categories|filed\s+under|posted\s+in|标签|分类|关键词)\s*[:：]|(?:share|分享)\s*[:：]|(?:previous|next)\s*[:：]|(?:上|下)一篇\s*[:：])/iu

/**
 * Whether a line is page metadata: a timestamp, a view or comment count, a
 * "3 days ago", with at most a name or a few words around it.
 */
export function isMetaLine(text: string): boolean {
  let rest = text
  let found = false
  for (const pattern of [isoDate, monthDate, counts, countsBefore, ago, clock]) {
    pattern.lastIndex = 0
    rest = rest.replace(pattern, () => {
      found = true
      return ' '
    })
  }
  if (!found) return false
  const left = rest
    .replace(/\b(?:posted|published|updated|written|last|on|by|at|in)\b|发布于|发表于|更新于|发布|作者|来源|于/giu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  // What is left is a name or a label at most, not a sentence.
  return filler.test(left) || (textWidthEm(left) <= 14 && !/[。！？.!?]$/u.test(left))
}

/** Whether a short line is a caption of a furniture block ("Related posts", "相关推荐"). */
export function isFurnitureCaption(text: string): boolean {
  const line = text.trim().replace(/[\s:：]+$/u, '')
  return line.length > 0 && line.length <= 60 && captions.test(line)
}

/** Whether a line is furniture on its own: copyright, tag and share lines, a menu or breadcrumb (`Home › Blog › Post`). */
export function isFurnitureLine(text: string): boolean {
  const line = text.trim()
  if (furnitureLine.test(line) || controls.test(line)) return true
  // Nothing but digits, punctuation and symbols (`·`, `--`, `12`).
  if (line.length > 0 && !/[\p{L}]/u.test(line)) return true
  const parts = line.split(/\s*(?:[|›»>]|\s[·/]\s)\s*/u)
  // Three or more short items between separators, none of them a sentence.
  return parts.length >= 3 && parts.every((part) => part.length > 0 && textWidthEm(part) <= 16 && part.split(/\s+/u).length <= 4 && !/[。.!?！？]$/u.test(part))
}
