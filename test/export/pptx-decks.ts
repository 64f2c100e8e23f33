/**
 * Inputs the `.pptx` tests share: a deck with every kind of content and a
 * picture for it.
 */
import {crc32, deflateSync} from 'node:zlib'

/** A solid-colour PNG of `width` × `height`. */
export function solidPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x3c)])
  const pixels = deflateSync(Buffer.concat(Array.from({length: height}, () => row)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

/** An explicit deck with every kind of content, English and Chinese. */
export const mixedDeck = `---
title: Field notes
aspect: '4:3'
lang: en
---

# Field notes

A season of measurements

---

## Levels and *styles*

- Top item with **strong** words, *slanted* words, \`inline()\` and [a reference](https://example.org/ref)
  - Second level
    - Third level
- 温度在夜间下降

Note: Start with the levels. 然后讲温度。

---

## Readings

| Site | 温度 | Wind |
| :--- | ---: | ---: |
| North | 12 | 3 |
| 南岸 | 15 | 7 |

Note: The table is native.

---

## Loader

\`\`\`python
def load(path):
    # 读取文件
    return open(path).read()
\`\`\`

---

## Pictures

![Site map](map.png)

![Satellite](https://example.net/sat.png)

Note: The satellite picture is remote.

--

## Steps

1. Calibrate
2. Measure
3. Record
`

/** Display math in English and Chinese slides, inline math beside it, and a formula in a list. */
export const mathDeck = `---
title: 公式
lang: zh-CN
---

# 公式与推导

## 求根公式

一元二次方程 $ax^2 + bx + c = 0$ 的根：

$$
x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}
$$

Note: 先写判别式，再讲两个根。

---

## Sums and integrals

- The first n integers:

  $$
  \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
  $$

- A Gaussian:

$$
\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}
$$

Note: Both are classics.
`
