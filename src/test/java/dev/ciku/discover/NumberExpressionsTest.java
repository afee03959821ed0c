package dev.ciku.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberExpressionsTest {

  @Test
  void isChinese_numeralExpressionsAndLookalikeNames_trueOnlyForNumberExpressions() {
    for (String w : new String[] {"第六十四条", "第二章", "第三", "三十日", "十八届", "第一百零一条",
        "两倍", "〇号", "亿件", "余人", "万人", "余起", "万亿级", "万标箱", "亿欧元", "万剂次",
        "两个月", "几个月", "万车次", "余艘次", "第二十九条", "三个月", "六个月", "一个人",
        "一万元以上", "十五日以内", "三十日之内", "十年左右", "五千元以下", "三个月以上"}) {
      assertEquals(true, NumberExpressions.isChinese(w), w);
    }
    for (String w : new String[] {"十五五", "五十", "三星", "四川", "万科", "一带一路", "第一夫人",
        "第", "条", "第条", "日", "十一五规划", "余村", "余额", "二维码", "三星堆", "万钢", "万步炎",
        "亿手", "万兆光网", "两栖攻击舰", "几字弯", "第二个月", "万里归途", "多地", "余志成", "万国成",
        "余小周", "百家号", "千层面", "千禧年", "万圣节", "千斤顶", "两面人", "余英时", "二次元",
        "三次元", "四个全面", "以上", "三以上", "左右", "个月", "三星以上"}) {
      assertEquals(false, NumberExpressions.isChinese(w), w);
    }
  }

  @Test
  void isCountTail_countTailsAndLookalikes_trueOnlyForTheTails() {
    for (String w : new String[] {"个月", "个小时", "个百分点", "个工作日", "个人"}) {
      assertEquals(true, NumberExpressions.isCountTail(w), w);
    }
    for (String w : new String[] {"个", "月", "个税", "三个月", "月个", "个性化", "个体工商户"}) {
      assertEquals(false, NumberExpressions.isCountTail(w), w);
    }
  }

  @Test
  void hasDigits_digitNumbersAlphanumericNamesAndNumerals_trueOnlyForDigitsWithoutLetters() {
    for (String w : new String[] {"2006年", "3个", "1.5亿", "2018", "第3条"}) {
      assertEquals(true, NumberExpressions.hasDigits(w), w);
    }
    for (String w : new String[] {"5G", "H7N9", "A380", "iPhone7", "COVID-19", "Windows10", "三个",
        "十五五"}) {
      assertEquals(false, NumberExpressions.hasDigits(w), w);
    }
  }
}
