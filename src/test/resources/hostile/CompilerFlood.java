import java.util.Map;

/** 40 errors, each printing an inferred type of 2^12 leaves: the compiler's messages flood. */
public class CompilerFlood {
    static <T> Map<T, T> d(T t) { return null; }

    public static void main(String[] args) {
        var v0 = d(d(d(d(d(d(d(d(d(d(d(d(0)))))))))))); String s0 = v0;
        var v1 = d(d(d(d(d(d(d(d(d(d(d(d(1)))))))))))); String s1 = v1;
        var v2 = d(d(d(d(d(d(d(d(d(d(d(d(2)))))))))))); String s2 = v2;
        var v3 = d(d(d(d(d(d(d(d(d(d(d(d(3)))))))))))); String s3 = v3;
        var v4 = d(d(d(d(d(d(d(d(d(d(d(d(4)))))))))))); String s4 = v4;
        var v5 = d(d(d(d(d(d(d(d(d(d(d(d(5)))))))))))); String s5 = v5;
        var v6 = d(d(d(d(d(d(d(d(d(d(d(d(6)))))))))))); String s6 = v6;
        var v7 = d(d(d(d(d(d(d(d(d(d(d(d(7)))))))))))); String s7 = v7;
        var v8 = d(d(d(d(d(d(d(d(d(d(d(d(8)))))))))))); String s8 = v8;
        var v9 = d(d(d(d(d(d(d(d(d(d(d(d(9)))))))))))); String s9 = v9;
        var v10 = d(d(d(d(d(d(d(d(d(d(d(d(10)))))))))))); String s10 = v10;
        var v11 = d(d(d(d(d(d(d(d(d(d(d(d(11)))))))))))); String s11 = v11;
        var v12 = d(d(d(d(d(d(d(d(d(d(d(d(12)))))))))))); String s12 = v12;
        var v13 = d(d(d(d(d(d(d(d(d(d(d(d(13)))))))))))); String s13 = v13;
        var v14 = d(d(d(d(d(d(d(d(d(d(d(d(14)))))))))))); String s14 = v14;
        var v15 = d(d(d(d(d(d(d(d(d(d(d(d(15)))))))))))); String s15 = v15;
        var v16 = d(d(d(d(d(d(d(d(d(d(d(d(16)))))))))))); String s16 = v16;
        var v17 = d(d(d(d(d(d(d(d(d(d(d(d(17)))))))))))); String s17 = v17;
        var v18 = d(d(d(d(d(d(d(d(d(d(d(d(18)))))))))))); String s18 = v18;
        var v19 = d(d(d(d(d(d(d(d(d(d(d(d(19)))))))))))); String s19 = v19;
        var v20 = d(d(d(d(d(d(d(d(d(d(d(d(20)))))))))))); String s20 = v20;
        var v21 = d(d(d(d(d(d(d(d(d(d(d(d(21)))))))))))); String s21 = v21;
        var v22 = d(d(d(d(d(d(d(d(d(d(d(d(22)))))))))))); String s22 = v22;
        var v23 = d(d(d(d(d(d(d(d(d(d(d(d(23)))))))))))); String s23 = v23;
        var v24 = d(d(d(d(d(d(d(d(d(d(d(d(24)))))))))))); String s24 = v24;
        var v25 = d(d(d(d(d(d(d(d(d(d(d(d(25)))))))))))); String s25 = v25;
        var v26 = d(d(d(d(d(d(d(d(d(d(d(d(26)))))))))))); String s26 = v26;
        var v27 = d(d(d(d(d(d(d(d(d(d(d(d(27)))))))))))); String s27 = v27;
        var v28 = d(d(d(d(d(d(d(d(d(d(d(d(28)))))))))))); String s28 = v28;
        var v29 = d(d(d(d(d(d(d(d(d(d(d(d(29)))))))))))); String s29 = v29;
        var v30 = d(d(d(d(d(d(d(d(d(d(d(d(30)))))))))))); String s30 = v30;
        var v31 = d(d(d(d(d(d(d(d(d(d(d(d(31)))))))))))); String s31 = v31;
        var v32 = d(d(d(d(d(d(d(d(d(d(d(d(32)))))))))))); String s32 = v32;
        var v33 = d(d(d(d(d(d(d(d(d(d(d(d(33)))))))))))); String s33 = v33;
        var v34 = d(d(d(d(d(d(d(d(d(d(d(d(34)))))))))))); String s34 = v34;
        var v35 = d(d(d(d(d(d(d(d(d(d(d(d(35)))))))))))); String s35 = v35;
        var v36 = d(d(d(d(d(d(d(d(d(d(d(d(36)))))))))))); String s36 = v36;
        var v37 = d(d(d(d(d(d(d(d(d(d(d(d(37)))))))))))); String s37 = v37;
        var v38 = d(d(d(d(d(d(d(d(d(d(d(d(38)))))))))))); String s38 = v38;
        var v39 = d(d(d(d(d(d(d(d(d(d(d(d(39)))))))))))); String s39 = v39;
    }
}
