package org.tuopin.sample;

import java.time.LocalDate;
import java.util.Random;
import org.tuopin.etl.staging.IdNumbers;

/** A generated household member with a valid GB 11643 identity number. */
record Person(
    String idNumber,
    String name,
    String relation,
    String sex,
    LocalDate birthDate,
    String health,
    String labor) {
  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN = "德明华建国平文玉英秀兰志强军伟芳丽娟桂珍红春梅海涛林杰斌勇刚金凤霞燕云庆福贵生成兴荣光宝山水松柏青翠萍娥";

  static Person of(
      Random random,
      String countyCode,
      String surname,
      String relation,
      String sex,
      LocalDate birthDate) {
    String name = surname + given(random) + (random.nextBoolean() ? given(random) : "");
    int sequence = random.nextInt(500) * 2 + (sex.equals("男") ? 1 : 0);
    String first17 =
        countyCode + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
    String idNumber = first17 + IdNumbers.checkCharacter(first17);
    int age = 2018 - birthDate.getYear();
    String health =
        switch (Seeds.weighted(random, 70, 15, 7, 8)) {
          case 0 -> "健康";
          case 1 -> "长期慢性病";
          case 2 -> "患有大病";
          default -> "残疾";
        };
    String labor =
        age < 16
            ? "无劳动力"
            : age > 65
                ? "丧失劳动力"
                : health.equals("健康") ? (random.nextInt(4) == 0 ? "技能劳动力" : "普通劳动力") : "丧失劳动力";
    return new Person(idNumber, name, relation, sex, birthDate, health, labor);
  }

  static String surname(Random random) {
    return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
  }

  private static char given(Random random) {
    return GIVEN.charAt(random.nextInt(GIVEN.length()));
  }

  boolean inSchool(int year) {
    int age = year - birthDate.getYear();
    return age >= 6 && age <= 18;
  }
}
