/**
 * Generate the bench inputs: a deck in explicit syntax (`---` between slides,
 * `Note:` notes) and an article in auto mode (`##` sections, prose and lists),
 * both in mixed Chinese and English with bullets and some code. Deterministic:
 * the same size always gives the same text.
 */

const topicsZh = ['数据集', '模型结构', '分布式训练', '模型压缩', '增量学习', '模型并行', '推理优化', '评估方法', '提示工程', '对齐技术']
const topicsEn = ['tokenizer', 'attention', 'optimizer', 'checkpoint', 'pipeline', 'quantization', 'sharding', 'evaluation', 'retrieval', 'serving']
const sentencesZh = [
  '大模型通常需要处理海量的数据,这些数据可能来自于互联网、传感器、日志文件等各种来源。',
  '为了提高模型的准确度和泛化能力,大模型通常具有复杂的模型结构,如深度神经网络。',
  '通过将模型和数据分布在多台机器上进行并行训练,可以显著加速训练过程。',
  '剪枝、量化和蒸馏等技术可以减少模型的参数和计算量,在有限的资源下实现高效的推理。'
]
const sentencesEn = [
  'Large models are trained on corpora that span the web, books and source code.',
  'Each layer mixes information across tokens with attention and then transforms it per token.',
  'Sharding the optimizer state across devices keeps memory per device within bounds.',
  'Evaluation on held-out tasks shows whether the model generalises or merely memorises.'
]
const codeSamples = [
  ['python', 'def attention(q, k, v):\n    scores = q @ k.T / math.sqrt(q.shape[-1])\n    return softmax(scores) @ v'],
  ['js', 'const tokens = text.split(/\\s+/)\nconst ids = tokens.map((token) => vocab.get(token) ?? unknown)\nconsole.log(ids.length)'],
  ['sh', 'torchrun --nproc-per-node 8 train.py \\\n  --batch-size 32 --lr 3e-4']
]

function pick(list, index) {
  return list[index % list.length]
}

/** A deck of `count` slides in explicit syntax. */
export function generateDeck(count) {
  const parts = ['---\ntitle: Bench deck 基准测试\nlang: zh-CN\n---\n\n# Bench deck 基准测试\n\nGenerated slides, 中英文混合。\n\nNote: The title slide. 这是标题页。\n']
  for (let index = 1; index < count; index++) {
    const zh = pick(topicsZh, index)
    const en = pick(topicsEn, index * 7)
    const lines = [`## ${index}. ${zh} and the ${en}`, '']
    lines.push(`- ${pick(sentencesZh, index).slice(0, 24)}`)
    lines.push(`- The **${en}** matters at step ${index}`)
    lines.push(`- ${pick(topicsZh, index + 3)}: ${pick(sentencesEn, index).slice(0, 40)}`)
    if (index % 5 === 0) {
      const [lang, code] = pick(codeSamples, index)
      lines.push('', '```' + lang, code, '```')
    }
    lines.push('', `Note: ${pick(sentencesZh, index + 1)} ${pick(sentencesEn, index + 2)}`)
    parts.push(lines.join('\n') + '\n')
  }
  return parts.join('\n---\n\n')
}

/** An article of `count` `##` sections for auto mode. */
export function generateArticle(count) {
  const parts = ['# 大模型长文 A long article\n\nAn article to split into slides, 中英文混合。\n']
  for (let index = 1; index <= count; index++) {
    const zh = pick(topicsZh, index)
    const en = pick(topicsEn, index * 3)
    const lines = [`## ${index}. ${zh}: ${en}`, '']
    lines.push(`${pick(sentencesZh, index)}${pick(sentencesZh, index + 1)} ${pick(sentencesEn, index)}`, '')
    lines.push(`- ${pick(topicsZh, index + 1)}与${pick(topicsZh, index + 2)}`)
    lines.push(`- The ${en} at scale`)
    lines.push(`- ${pick(topicsEn, index + 5)} and ${pick(topicsEn, index + 6)}`, '')
    if (index % 7 === 0) {
      const [lang, code] = pick(codeSamples, index)
      lines.push('```' + lang, code, '```', '')
    }
    lines.push(`${pick(sentencesEn, index + 3)} ${pick(sentencesZh, index + 2)}`)
    parts.push(lines.join('\n') + '\n')
  }
  return parts.join('\n')
}
